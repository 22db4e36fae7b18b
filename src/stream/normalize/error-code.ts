/**
 * Transaction errors → a short stable code (`InstructionError:2:Custom:6003`), from the RPC JSON form,
 * from nyanbot's display string (`Error processing Instruction 2: custom program error: 0x1771`), or from
 * Yellowstone's bincode bytes (solana-sdk `TransactionError` / `InstructionError` variant order).
 */

const TX_ERRORS = [
  'AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound', 'InsufficientFundsForFee',
  'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'InstructionError', 'CallChainTooDeep',
  'MissingSignatureForFee', 'InvalidAccountIndex', 'SignatureFailure', 'InvalidProgramForExecution',
  'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding', 'WouldExceedMaxBlockCostLimit',
  'UnsupportedVersion', 'InvalidWritableAccount', 'WouldExceedMaxAccountCostLimit',
  'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks', 'AddressLookupTableNotFound',
  'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData', 'InvalidAddressLookupTableIndex',
  'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit', 'WouldExceedAccountDataTotalLimit',
  'DuplicateInstruction', 'InsufficientFundsForRent', 'MaxLoadedAccountsDataSizeExceeded',
  'InvalidLoadedAccountsDataSizeLimit', 'ResanitizationNeeded', 'ProgramExecutionTemporarilyRestricted',
  'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled',
];
const IX_ERRORS = [
  'GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData', 'AccountDataTooSmall',
  'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature', 'AccountAlreadyInitialized',
  'UninitializedAccount', 'UnbalancedInstruction', 'ModifiedProgramId', 'ExternalAccountLamportSpend',
  'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified', 'DuplicateAccountIndex',
  'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys', 'AccountDataSizeChanged',
  'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync',
  'Custom', 'InvalidError', 'ExecutableDataModified', 'ExecutableLamportChange',
  'ExecutableAccountNotRentExempt', 'UnsupportedProgramId', 'CallDepth', 'MissingAccount',
  'ReentrancyNotAllowed', 'MaxSeedLengthExceeded', 'InvalidSeeds', 'InvalidRealloc',
  'ComputationalBudgetExceeded', 'PrivilegeEscalation', 'ProgramEnvironmentSetupFailure',
  'ProgramFailedToComplete', 'ProgramFailedToCompile', 'Immutable', 'IncorrectAuthority', 'BorshIoError',
  'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow', 'UnsupportedSysvar', 'IllegalOwner',
  'MaxAccountsDataAllocationsExceeded', 'MaxAccountsResizesExceeded', 'MaxInstructionTraceLengthExceeded',
  'BuiltinProgramsMustConsumeComputeUnits',
];
const NYANBOT_IX_ERROR = /Error processing Instruction (\d+): custom program error: 0x([0-9a-fA-F]+)/;

/** A short code for an RPC-style error value; null when there is no error. */
export function errorCodeFromJson(err: unknown): string | null {
  if (err === null || err === undefined) return null;
  if (typeof err === 'string') return err;
  if (typeof err !== 'object') return String(err);
  const entries = Object.entries(err as Record<string, unknown>);
  const [name, value] = entries[0] ?? ['Unknown', null];
  if (name === 'Error' && typeof value === 'string') {
    const m = NYANBOT_IX_ERROR.exec(value);
    return m ? `InstructionError:${m[1]}:Custom:${Number.parseInt(m[2] as string, 16)}` : `Error:${value}`;
  }
  return [name, ...flattenErrorValue(value)].join(':');
}

function flattenErrorValue(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(flattenErrorValue);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      k === 'account_index' ? flattenErrorValue(v) : [k, ...flattenErrorValue(v)],
    );
  }
  return [String(value)];
}

/** Decodes Yellowstone's bincode `TransactionError` into the RPC JSON shape. */
export function errFromBincode(bytes: Uint8Array): unknown {
  if (bytes.length < 4) return { Unknown: Buffer.from(bytes).toString('hex') };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const variant = view.getUint32(0, true);
  const name = TX_ERRORS[variant] ?? `TransactionError${variant}`;
  if (name === 'InstructionError' && bytes.length >= 9) {
    const index = bytes[4] as number;
    const ixVariant = view.getUint32(5, true);
    const ixName = IX_ERRORS[ixVariant] ?? `InstructionError${ixVariant}`;
    if (ixName === 'Custom' && bytes.length >= 13) return { InstructionError: [index, { Custom: view.getUint32(9, true) }] };
    return { InstructionError: [index, ixName] };
  }
  if ((name === 'DuplicateInstruction') && bytes.length >= 5) return { [name]: bytes[4] };
  if ((name === 'InsufficientFundsForRent' || name === 'ProgramExecutionTemporarilyRestricted') && bytes.length >= 5) {
    return { [name]: { account_index: bytes[4] } };
  }
  return name;
}
