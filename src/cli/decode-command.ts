/** `megatron decode <file or folder ...|->`: prints one JSON object per decoded event (NDJSON). */
export async function runDecodeCommand(args: string[], out: NodeJS.WritableStream, stdin: NodeJS.ReadableStream): Promise<number> {
  void args; void out; void stdin;
  return 1;
}
