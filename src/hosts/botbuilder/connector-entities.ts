// The registered model mappers are not re-exported by the package index; this is their module.
import * as ConnectorMappers from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * botframework-connector's serializer keeps only the properties its `Entity` model names
 * (type, text, mentioned…) and drops the rest, so a Teams citation (`@type`, `@context`,
 * `citation`) reaches the channel as `{ type }` alone (botbuilder-js #2648 fixed the inline
 * mapper only; Agents-for-js #259 is the same bug). Declaring additional properties on the
 * registered mapper lets entities through unchanged. Idempotent; called at start-up.
 */
export function keepEntityExtensions(): void {
  const entity = ConnectorMappers.Entity as { type: { additionalProperties?: unknown } };
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
