import type { ApiKeyRecord } from '../ports.js';

/** What clients see of an API key: never its secret or hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash' | 'createdByUserId'>;

export function toApiKeyView(apiKey: ApiKeyRecord): ApiKeyView {
  const { secretHash: _secretHash, createdByUserId: _createdBy, ...view } = apiKey;
  return view;
}
