/**
 * PumpSwap (pump_amm) discriminators: the union of the two official IDL copies (`pump-sdk@2.0.0` and
 * `pump-swap-sdk@1.20.0` ship different ones, MAINNET-2026 §1.5) and of every pump-public-docs IDL since
 * 2025-04, plus the October 2026 instructions that exist only in the docs (`PUMP_SWAP_TRADE_V2.md`,
 * `MULTI_HOP_SWAP.md`, `SWEEP_FEES.md`), whose discriminators are derived as sha256("global:<name>")[..8].
 */
import { discriminatorFromHex } from '../discriminator.js';

export const PUMPSWAP_EVENT = {
  BuyEvent: discriminatorFromHex('67 f4 52 1f 2c f5 77 77'),
  SellEvent: discriminatorFromHex('3e 2f 37 0a a5 03 dc 2a'),
  CreatePoolEvent: discriminatorFromHex('b1 31 0c d2 a0 76 a7 74'),
};

/**
 * Events we recognise and deliberately do not map: liquidity (Deposit/Withdraw), admin, volume
 * accumulators, cashback, boost, creator changes, and SweepPoolFeeEvent (`82a42461e48287a5`, derived): a
 * fee payout whose field order is not published; the fee it pays out was counted on the trades.
 */
export const PUMPSWAP_IGNORED_EVENTS: ReadonlySet<bigint> = new Set(
  [
    '2f 23 a3 f9 96 9d 93 7a', '2d dc 5d 18 19 61 ac 68', '93 fa 6c 78 f7 1d 43 de', '3f 45 1c 16 30 5c c2 b9',
    'e2 d6 f6 21 07 f2 93 e5', '4f ac f6 31 cd 5b ce e8', '92 9f bd ac 92 58 38 f4', 'e8 f5 c2 ee ea da 3a 59',
    '6b 34 59 81 37 e2 51 16', '78 f8 3d 53 1f 8e 6b 90', '6b fd c1 4c e4 ca 1b 68', '61 61 d7 90 5d 92 16 7c',
    'ae 7c 4a f9 04 51 f6 11', '86 24 0d 48 e8 65 82 d8', 'aa dd 52 c7 93 a5 f7 2e', '2b bc fa 12 dd 4b bb 5f',
    'f2 e7 eb 66 41 63 bd d3', '59 80 f0 8d 5b ca 47 69', '96 6b c7 7b 7c cf 66 e4', 'c5 7a a7 7c 74 51 5b ff',
    'e1 98 ab 57 f6 3f 42 ea', '98 c6 7c 7c 6a f6 7f bf', '5a 17 41 23 3e f4 bc d0', '16 09 85 1a a0 2c 47 c0',
    '82 a4 24 61 e4 82 87 a5',
  ].map(discriminatorFromHex),
);

/** Every PumpSwap instruction name by discriminator. */
export const PUMPSWAP_INSTRUCTIONS: ReadonlyMap<bigint, string> = new Map(
  (
    [
      ['admin_cto_pool', '2d 3d a5 97 68 00 31 bd'], ['admin_set_coin_creator', 'f2 28 75 91 49 60 69 68'],
      ['admin_set_coin_creator_fee_editable', 'cc 41 56 cf 6e 54 ef 68'], ['admin_update_token_incentives', 'd1 0b 73 57 d5 17 7c cc'],
      ['boost_buy_and_burn', '69 44 06 af 00 07 23 a2'], ['buy', '66 06 3d 12 01 da eb ea'],
      ['buy_exact_quote_in', 'c6 2e 15 52 b4 d9 e8 70'], ['buy_exact_quote_in_v2', 'c2 ab 1c 46 68 4d 5b 2f'],
      ['buy_v2', 'b8 17 ee 61 67 c5 d3 3d'], ['claim_cashback', '25 3a 23 7e be 35 e4 c5'],
      ['claim_token_incentives', '10 04 47 1c cc 01 28 1b'], ['close_user_volume_accumulator', 'f9 45 a4 da 96 67 54 8a'],
      ['collect_coin_creator_fee', 'a0 39 59 2a b5 8b 2b 42'], ['create_config', 'c9 cf f3 72 4b 6f 2f bd'],
      ['create_pool', 'e9 92 d1 8e cf 68 40 bc'], ['deposit', 'f2 23 c6 89 52 e1 f2 b6'],
      ['disable', 'b9 ad bb 5a d8 0f ee e9'], ['extend_account', 'ea 66 c2 cb 96 48 3e e5'],
      ['init_boost', '8c e9 21 5e 84 5a c2 8f'], ['init_user_volume_accumulator', '5e 06 ca 73 ff 60 e8 b7'],
      ['migrate_pool_coin_creator', 'd0 08 9f 04 4a af 10 3a'], ['multi_hop_swap', '2b 64 49 13 e9 f6 6f 94'],
      ['sell', '33 e6 85 a4 01 7f 83 ad'], ['sell_v2', '5d f6 82 3c e7 e9 40 b2'],
      ['set_boost_authority', 'e3 95 4c 2a 82 27 ea cd'], ['set_coin_creator', 'd2 95 80 2d bc 3a 4e af'],
      ['set_coin_creator_fee_bps', '42 59 ca ed 08 76 9e a9'], ['set_reserved_fee_recipients', '6f ac a2 e8 72 59 d5 8e'],
      ['sweep_creator_fee', '20 f6 bf 34 08 c9 49 ba'], ['sweep_protocol_fee', '08 30 be 07 b6 44 b7 e5'],
      ['sync_user_volume_accumulator', '56 1f c0 57 a3 57 4f ee'], ['toggle_boost', '75 a1 a0 4a df 89 76 63'],
      ['toggle_cashback_enabled', '73 67 e0 ff bd 59 56 c3'], ['toggle_mayhem_mode', '01 09 6f d0 64 1f ff a3'],
      ['transfer_creator_fees_to_pump', '8b 34 86 55 e4 e5 6c f1'], ['transfer_creator_fees_to_pump_v2', '01 21 4e b9 21 43 2c 5c'],
      ['update_admin', 'a1 b0 28 d5 3c b8 b3 e4'], ['update_buyback_config', 'fb e0 ab 92 a0 1a 71 e9'],
      ['update_creator_fee_config', '3d af a0 f9 42 42 88 af'], ['update_fee_config', '68 b8 67 f2 58 97 6b 14'],
      ['withdraw', 'b7 12 46 9c 94 6d a1 22'],
    ] as const
  ).map(([name, hex]) => [discriminatorFromHex(hex), name]),
);
