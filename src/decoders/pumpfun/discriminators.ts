/** Pump.fun discriminators (FACTS §11, recomputed from every pump-public-docs IDL). */
import { discriminatorFromHex } from '../discriminator.js';

export const PUMP_EVENT = {
  TradeEvent: discriminatorFromHex('bd db 7f d3 4e e6 61 ee'),
  CreateEvent: discriminatorFromHex('1b 72 a9 4d de eb 63 76'),
  CompleteEvent: discriminatorFromHex('5f 72 61 9c d4 2e 98 08'),
  CompletePumpAmmMigrationEvent: discriminatorFromHex('bd e9 5d b9 5c 94 ea 94'),
};

/** Events we recognise and deliberately do not map. */
export const PUMP_IGNORED_EVENTS = new Set<bigint>(
  [
    '40 45 c0 68 1d 1e 19 6b', 'f5 3b 46 22 4b b9 6d 5c', '93 fa 6c 78 f7 1d 43 de', 'e2 d6 f6 21 07 f2 93 e5',
    '4f ac f6 31 cd 5b ce e8', '92 9f bd ac 92 58 38 f4', '7a 02 7f 01 0e bf 0c af', 'a5 37 81 70 04 b3 ca 28',
    '61 61 d7 90 5d 92 16 7c', '86 24 0d 48 e8 65 82 d8', '9b a7 68 dc d5 6c f3 03', 'a8 d8 84 ef eb b6 31 34',
    '2b bc fa 12 dd 4b bb 5f', 'ed 34 7b 25 f5 fb 48 d2', '8e cb 06 20 7f 69 bf a2', 'df c3 9f f6 3e 30 8f 83',
    'c5 7a a7 7c 74 51 5b ff', 'b6 c3 89 2a 23 ce cf f7', '75 7b e4 b6 a1 a8 dc d6',
  ].map(discriminatorFromHex),
);

/** Every pump instruction name by discriminator (names from all IDL versions, incl. the legacy withdraw). */
export const PUMP_INSTRUCTIONS = new Map<bigint, string>(
  (
    [
      ['add_quote_mint', '6f 79 15 38 28 18 5e d1'], ['admin_set_creator', '45 19 ab 8e 39 ef 0d 04'],
      ['admin_set_idl_authority', '08 d9 60 e7 90 68 c0 05'], ['admin_update_token_incentives', 'd1 0b 73 57 d5 17 7c cc'],
      ['buy', '66 06 3d 12 01 da eb ea'], ['buy_exact_quote_in_v2', 'c2 ab 1c 46 68 4d 5b 2f'],
      ['buy_exact_sol_in', '38 fc 74 08 9e df cd 5f'], ['buy_v2', 'b8 17 ee 61 67 c5 d3 3d'],
      ['claim_cashback', '25 3a 23 7e be 35 e4 c5'], ['claim_cashback_v2', '7a f3 cc 41 5e 74 1d 37'],
      ['claim_token_incentives', '10 04 47 1c cc 01 28 1b'], ['close_user_volume_accumulator', 'f9 45 a4 da 96 67 54 8a'],
      ['collect_creator_fee', '14 16 56 7b c6 1c db 84'], ['collect_creator_fee_v2', 'cf 11 8a f2 04 22 13 38'],
      ['create', '18 1e c8 28 05 1c 07 77'], ['create_v2', 'd6 90 4c ec 5f 8b 31 b4'],
      ['distribute_creator_fees', 'a5 72 67 00 79 ce f7 51'], ['distribute_creator_fees_v2', 'ff cb 13 4f f4 44 08 9f'],
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
