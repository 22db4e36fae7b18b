/**
 * Arguments of the pump instructions we read, in IDL order (pump-sdk 2.0.0; the v3 trades from
 * TRADE_V3.md). The program reads its trailing optional arguments "EOF-tolerant": a client may leave them
 * out of the instruction data entirely (COIN_CREATION.md, TRADE_V3.md), so a missing trailing optional
 * argument reads as null, never as a short payload. A missing mandatory argument is malformed
 * (`DecodeError` with its offset); bytes after the last known argument are counted, not refused.
 *
 * Optional kinds: `OptionBool` / `OptionU64` are the IDL's one-field structs (1 / 8 bytes, no tag); `option
 * bool` / `option u64` / `option pubkey` are Borsh options (a 0/1 tag, then the value when 1).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';

type ArgType = 'u64' | 'bool' | 'pubkey' | 'string' | 'OptionBool' | 'OptionU64' | 'option bool' | 'option u64' | 'option pubkey';
type ArgValue = bigint | boolean | string | null;

/** Each instruction's arguments in order; names are the IDL's. Optional ones only at the end. */
const ARGS: Readonly<Record<string, ReadonlyArray<readonly [string, ArgType]>>> = {
  buy: [['amount', 'u64'], ['max_sol_cost', 'u64'], ['track_volume', 'OptionBool']],
  buy_exact_sol_in: [['spendable_sol_in', 'u64'], ['min_tokens_out', 'u64'], ['track_volume', 'OptionBool']],
  sell: [['amount', 'u64'], ['min_sol_output', 'u64']],
  buy_v2: [['amount', 'u64'], ['max_sol_cost', 'u64']],
  sell_v2: [['amount', 'u64'], ['min_sol_output', 'u64']],
  buy_exact_quote_in_v2: [['spendable_quote_in', 'u64'], ['min_tokens_out', 'u64']],
  buy_v3: [['amount', 'u64'], ['max_sol_cost', 'u64'], ['partial_fill', 'OptionBool']],
  sell_v3: [['amount', 'u64'], ['min_sol_output', 'u64']],
  buy_exact_quote_in_v3: [['spendable_quote_in', 'u64'], ['min_tokens_out', 'u64'], ['partial_fill', 'OptionBool']],
  create: [['name', 'string'], ['symbol', 'string'], ['uri', 'string'], ['creator', 'pubkey']],
  create_v2: [
    ['name', 'string'], ['symbol', 'string'], ['uri', 'string'], ['creator', 'pubkey'], ['is_mayhem_mode', 'bool'],
    ['is_cashback_enabled', 'OptionBool'], ['creator_fee_bps', 'OptionU64'], ['is_holder_reward', 'OptionBool'],
  ],
  admin_cto: [['is_holder_reward', 'option bool'], ['creator_fee_bps', 'option u64'], ['new_creator', 'option pubkey']],
};

export interface PumpInstructionArgs {
  name: string;
  /** Argument values by IDL name; an optional argument left out (or a Borsh `None`) is null. */
  args: Record<string, ArgValue>;
  /** Names of the optional arguments the data left out entirely. */
  omitted: string[];
  trailingBytes: number;
}

/** The arguments of instruction `name` (data with its discriminator), or null when we do not read it. */
export function readPumpInstructionArgs(name: string, data: Uint8Array): PumpInstructionArgs | null {
  const spec = ARGS[name];
  if (spec === undefined) return null;
  const r = new BorshReader(data, 8);
  const args: Record<string, ArgValue> = {};
  const omitted: string[] = [];
  for (const [arg, type] of spec) {
    if (type.startsWith('O') || type.startsWith('option')) {
      if (r.remaining === 0) {
        args[arg] = null;
        omitted.push(arg);
        continue;
      }
      args[arg] = readOptional(r, type);
    } else {
      args[arg] = readMandatory(r, type);
    }
  }
  return { name, args, omitted, trailingBytes: r.remaining };
}

function readMandatory(r: BorshReader, type: ArgType): ArgValue {
  switch (type) {
    case 'u64': return r.u64();
    case 'bool': return r.bool();
    case 'pubkey': return r.pubkey();
    default: return r.string();
  }
}

function readOptional(r: BorshReader, type: ArgType): ArgValue {
  if (type === 'OptionBool') return r.bool();
  if (type === 'OptionU64') return r.u64();
  const tag = r.u8();
  if (tag === 0) return null;
  if (tag !== 1) throw new DecodeError(`option tag ${tag}`, r.offset - 1);
  if (type === 'option bool') return r.bool();
  if (type === 'option u64') return r.u64();
  return r.pubkey();
}
