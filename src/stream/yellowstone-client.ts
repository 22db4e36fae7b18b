/**
 * Loads the Yellowstone client class. The package ships ESM at runtime but CommonJS-style type
 * declarations, so under NodeNext TypeScript sees the default export one level deeper than Node does;
 * this file is the one place that reconciles the two.
 */
import yellowstoneDefault from '@triton-one/yellowstone-grpc';

type ClientClass = typeof yellowstoneDefault.default;
/** An instance of the Yellowstone gRPC client. */
export type YellowstoneClient = InstanceType<ClientClass>;

const runtimeExport = yellowstoneDefault as unknown as ClientClass | { default: ClientClass };
/** The client constructor as Node actually loaded it. */
export const YellowstoneClientClass: ClientClass =
  typeof runtimeExport === 'function' ? runtimeExport : runtimeExport.default;
