/**
 * Pump.fun discriminators (FACTS §11, recomputed from every pump-public-docs IDL; the 2026 additions from
 * @pump-fun/pump-sdk 2.0.0's IDL, and, for what only the 2026-10 docs name, sha256("event:"/"global:" + name)).
 */
import { discriminatorFromHex } from '../discriminator.js';

export const PUMP_EVENT = {
  TradeEvent: discriminatorFromHex('bd db 7f d3 4e e6 61 ee'),
  CreateEvent: discriminatorFromHex('1b 72 a9 4d de eb 63 76'),
  CompleteEvent: discriminatorFromHex('5f 72 61 9c d4 2e 98 08'),
  CompletePumpAmmMigrationEvent: discriminatorFromHex('bd e9 5d b9 5c 94 ea 94'),
  /** 2026-10, SYNTHETIC_MIGRATION.md (derived). */
  PostCompleteBuyEvent: discriminatorFromHex('6f b0 6d 8b 31 6c d5 fb'),
  /** 2026-10, SWEEP_FEES.md (derived). */
  SweepBondingCurveFeeEvent: discriminatorFromHex('74 2b 4d bd 11 7a 48 2b'),
  /** pump-sdk 2.0.0 (2026-09). */
  AdminCtoEvent: discriminatorFromHex('6e 7c e2 62 aa ff 11 78'),
  /** IDL e2b66e4 onwards. */
  SetCreatorEvent: discriminatorFromHex('ed 34 7b 25 f5 fb 48 d2'),
  /** IDL 7fe6f1e to 3c6721a; retired in pump-sdk 2.0.0, still in the history. */
  AdminSetCreatorEvent: discriminatorFromHex('40 45 c0 68 1d 1e 19 6b'),
  /** IDL f0ef005 onwards (creator-fee sharing). */
  MigrateBondingCurveCreatorEvent: discriminatorFromHex('9b a7 68 dc d5 6c f3 03'),
  /** IDL f0ef005 onwards (mayhem mode). */
  UpdateMayhemVirtualParamsEvent: discriminatorFromHex('75 7b e4 b6 a1 a8 dc d6'),
};

/** Events we recognise and deliberately do not map. */
export const PUMP_IGNORED_EVENTS = new Set<bigint>(
  [
    'f5 3b 46 22 4b b9 6d 5c', '93 fa 6c 78 f7 1d 43 de', 'e2 d6 f6 21 07 f2 93 e5',
    '4f ac f6 31 cd 5b ce e8', '92 9f bd ac 92 58 38 f4', '7a 02 7f 01 0e bf 0c af', 'a5 37 81 70 04 b3 ca 28',
    '61 61 d7 90 5d 92 16 7c', '86 24 0d 48 e8 65 82 d8', 'a8 d8 84 ef eb b6 31 34',
    '2b bc fa 12 dd 4b bb 5f', '8e cb 06 20 7f 69 bf a2', 'df c3 9f f6 3e 30 8f 83',
    'c5 7a a7 7c 74 51 5b ff', 'b6 c3 89 2a 23 ce cf f7',
    // pump-sdk 2.0.0: quote-control admin, creator-fee config, DistributeFeeToHoldersEvent (the holders'
    // share is in the trades' holder_rewards already); 2026-10 (derived): the quote-control reserves events.
    'a4 af 57 4a 58 2d 21 3e', '2e 21 56 86 00 d5 d1 30', '4a f8 8d 45 ca 51 1e f7', '98 c6 7c 7c 6a f6 7f bf',
    'e3 be d7 ce b0 b4 a5 84', 'a9 43 27 6d 66 86 b6 e8', '43 fb b3 b6 57 5c a9 21',
  ].map(discriminatorFromHex),
);

/** Every pump instruction name by discriminator (names from all IDL versions, incl. the legacy withdraw). */
export const PUMP_INSTRUCTIONS = new Map<bigint, string>(
  (
    [
      ['add_quote_control_mint', '02 0e 3d 8a aa 8e 0e 5f'], ['admin_cto', '7d 7e d6 86 4d e5 bc 59'],
      ['add_quote_mint', '6f 79 15 38 28 18 5e d1'], ['admin_set_creator', '45 19 ab 8e 39 ef 0d 04'],
      ['admin_set_idl_authority', '08 d9 60 e7 90 68 c0 05'], ['admin_update_token_incentives', 'd1 0b 73 57 d5 17 7c cc'],
      ['buy', '66 06 3d 12 01 da eb ea'], ['buy_exact_quote_in_v2', 'c2 ab 1c 46 68 4d 5b 2f'],
      ['buy_exact_sol_in', '38 fc 74 08 9e df cd 5f'], ['buy_v2', 'b8 17 ee 61 67 c5 d3 3d'],
      // 2026-10 (TRADE_V3.md, SWEEP_FEES.md, MULTI_HOP_SWAP.md; derived): v3 trades, sweeps, the multi-hop curve leg.
      ['buy_v3', '07 05 1d c4 f5 17 65 50'], ['sell_v3', '1c 92 de 77 26 c4 69 d5'],
      ['buy_exact_quote_in_v3', 'e1 f7 50 1e d5 b3 84 88'], ['sweep_protocol_fee', '08 30 be 07 b6 44 b7 e5'],
      ['sweep_creator_fee', '20 f6 bf 34 08 c9 49 ba'], ['multi_hop_curve_swap', 'e1 9a 75 16 d7 56 f6 67'],
      ['claim_cashback', '25 3a 23 7e be 35 e4 c5'], ['claim_cashback_v2', '7a f3 cc 41 5e 74 1d 37'],
      ['claim_token_incentives', '10 04 47 1c cc 01 28 1b'], ['close_user_volume_accumulator', 'f9 45 a4 da 96 67 54 8a'],
      ['collect_creator_fee', '14 16 56 7b c6 1c db 84'], ['collect_creator_fee_v2', 'cf 11 8a f2 04 22 13 38'],
      ['create', '18 1e c8 28 05 1c 07 77'], ['create_v2', 'd6 90 4c ec 5f 8b 31 b4'],
      ['distribute_creator_fees', 'a5 72 67 00 79 ce f7 51'], ['distribute_creator_fees_v2', 'ff cb 13 4f f4 44 08 9f'],
      ['distribute_fee_to_holders', '62 36 91 61 02 46 ad 2b'], ['initialize_quote_control', 'ef 49 f5 ad d1 b1 54 42'],
      ['remove_quote_control_mint', 'df 07 fd 1a 51 a5 da a6'], ['set_quote_control_admin', '3e 4f a1 d3 a5 aa d6 d2'],
      ['update_creator_fee_config', '3d af a0 f9 42 42 88 af'], ['update_holder_reward_config', 'e1 fc 42 04 c7 23 ec 10'],
      ['extend_account', 'ea 66 c2 cb 96 48 3e e5'], ['get_minimum_distributable_fee', '75 e1 7f ca 86 5f 44 23'],
      ['init_user_volume_accumulator', '5e 06 ca 73 ff 60 e8 b7'], ['initialize', 'af af 6d 1f 0d 98 9b ed'],
      ['migrate', '9b ea e7 92 ec 9e a2 1e'], ['migrate_bonding_curve_creator', '57 7c 34 bf 34 26 d6 e8'],
      ['migrate_v2', 'bb cb 12 1f ce ed fe 29'], ['remove_quote_mint', 'b1 41 df 26 58 d1 9e 9b'],
      ['sell', '33 e6 85 a4 01 7f 83 ad'], ['sell_v2', '5d f6 82 3c e7 e9 40 b2'],
      ['set_creator', 'fe 94 ff 70 cf 8e aa a5'], ['set_mayhem_virtual_params', '3d a9 bc bf 99 95 2a 61'],
      ['set_metaplex_creator', '8a 60 ae d9 30 55 c5 f6'], ['set_params', '1b ea b2 34 93 02 bb 8d'],
      ['set_reserved_fee_recipient', 'cf bd b2 47 a7 7a 44 b4'], ['set_reserved_fee_recipients', '6f ac a2 e8 72 59 d5 8e'],
      ['set_virtual_quote_reserves', '65 87 bf 68 09 58 14 60'], ['sync_user_volume_accumulator', '56 1f c0 57 a3 57 4f ee'],
      ['toggle_cashback_enabled', '73 67 e0 ff bd 59 56 c3'], ['toggle_create_v2', '1c ff e6 f0 ac 6b cb ab'],
      ['toggle_mayhem_mode', '01 09 6f d0 64 1f ff a3'], ['update_buyback_config', 'fb e0 ab 92 a0 1a 71 e9'],
      ['update_global_authority', 'e3 b5 4a c4 d0 15 61 d5'], ['withdraw', 'b7 12 46 9c 94 6d a1 22'],
    ] as const
  ).map(([name, hex]) => [discriminatorFromHex(hex), name]),
);
