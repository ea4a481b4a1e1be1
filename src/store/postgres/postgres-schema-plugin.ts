/**
 * Runs the SQLite migrations on PostgreSQL unchanged (one list of migrations for both stores): a Kysely
 * plugin, used only while migrating, that rewrites column types as they are created.
 *
 * - `integer` becomes `bigint`: epoch milliseconds do not fit PostgreSQL's 32-bit `integer`.
 * - an auto-increment `integer` primary key becomes `bigserial`.
 * - `text` becomes `text collate "C"`: lists and keys then compare by code point, as SQLite's
 *   BINARY collation does, whatever the database's locale.
 */
import { OperationNodeTransformer, sql, type ColumnDefinitionNode, type DataTypeNode, type KyselyPlugin, type QueryId } from 'kysely';

class PostgresColumnTypes extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode, queryId?: QueryId): ColumnDefinitionNode {
    const defined = super.transformColumnDefinition(node, queryId);
    if (defined.dataType.kind !== 'DataTypeNode') return defined;
    const type = (defined.dataType as DataTypeNode).dataType;
    if (type === 'integer' && defined.autoIncrement === true) {
      return { ...defined, autoIncrement: false, dataType: sql.raw('bigserial').toOperationNode() };
    }
    if (type === 'integer') return { ...defined, dataType: sql.raw('bigint').toOperationNode() };
    if (type === 'text') return { ...defined, dataType: sql.raw('text collate "C"').toOperationNode() };
    return defined;
  }
}

/** The plugin that gives the migrations' columns their PostgreSQL types. */
export const postgresColumnTypes: KyselyPlugin = {
  transformQuery: (args) => new PostgresColumnTypes().transformNode(args.node, args.queryId),
  transformResult: (args) => Promise.resolve(args.result),
};
