/**
 * Recordings of a live subscription: the raw `SubscribeUpdate` messages, each as a 4-byte big-endian
 * length followed by its protobuf bytes, the whole stream gzip-compressed. Replaying a recording feeds
 * exactly the bytes the server sent through the same mapping and queue as the live stream.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';

/** First bytes of every gzip stream: how replay tells a recording from a JSON file. */
export const GZIP_MAGIC = [0x1f, 0x8b] as const;
const LENGTH_PREFIX_BYTES = 4;
/** A frame longer than this is treated as corruption, not allocated. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export interface RecordingWriter {
  /** Appends one update (its protobuf bytes, as the server sent them); waits when the file or the compressor is behind. */
  write(update: Uint8Array): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
  readonly updatesWritten: number;
}

/** Opens (truncates) `path` for a recording. */
export function createRecordingWriter(path: string): RecordingWriter {
  const gzip = createGzip();
  const file = createWriteStream(path);
  gzip.pipe(file);
  let written = 0;
  return {
    async write(update) {
      const body = update;
      const header = Buffer.alloc(LENGTH_PREFIX_BYTES);
      header.writeUInt32BE(body.length);
      written += 1;
      if (!gzip.write(Buffer.concat([header, body]))) await once(gzip, 'drain');
    },
    async close() {
      gzip.end();
      await once(file, 'close');
    },
    get updatesWritten() {
      return written;
    },
  };
}

/** Reads a recording's updates (protobuf bytes) in order; a truncated last frame (a crash while recording) ends it. */
export async function* readRecording(path: string): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path).pipe(createGunzip())) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    let offset = 0;
    while (pending.length - offset >= LENGTH_PREFIX_BYTES) {
      const length = pending.readUInt32BE(offset);
      if (length > MAX_FRAME_BYTES) throw new Error(`recording ${path}: frame of ${length} bytes at a corrupt offset`);
      if (pending.length - offset - LENGTH_PREFIX_BYTES < length) break;
      const start = offset + LENGTH_PREFIX_BYTES;
      yield pending.subarray(start, start + length);
      offset = start + length;
    }
    pending = pending.subarray(offset);
  }
}
