/**
 * `node --import tsx bench/protocol-bench.ts`: µs per call of the protocol layer's per-request hot path
 * (decode, validate, encode) on the models the app serves. Prints a table, or with `--json` one JSON object per line.
 */
import { parseArgs } from 'node:util';
import { describeClusterOutput, describeClusterRequest, getCallerIdentityOutput, getUserOutput, GET_USER_BODY, HOT_REQUEST_ID } from '../src/protocol/hot-path-fixtures.ts';
import { eksModel, iamModel, stsModel } from '../src/protocol/models/index.ts';
import { decodeQueryCall, queryParameters } from '../src/protocol/query/query-decoder.ts';
import { encodeQueryOutput } from '../src/protocol/query/query-encoder.ts';
import { decodeRestJsonCall } from '../src/protocol/rest-json/rest-json-decoder.ts';
import { encodeRestJsonOutput } from '../src/protocol/rest-json/rest-json-encoder.ts';
import { RouteTable } from '../src/protocol/rest-json/route-table.ts';
import { assertValidInput } from '../src/protocol/validation/validation-message.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seconds: { type: 'string', default: '0.5' }, runs: { type: 'string', default: '5' } } });
const seconds = Number(values.seconds);
const runs = Number(values.runs);

interface Case { readonly name: string; readonly run: () => unknown }

/** Runs `run` for about `seconds` after a warm-up; every result is kept reachable so nothing is optimised away. */
function usPerCall(run: () => unknown): number {
  let sink: unknown;
  let end = performance.now() + Math.min(300, (seconds * 1000) / 3);
  while (performance.now() < end) for (let i = 0; i < 500; i++) sink = run();
  let count = 0;
  const start = performance.now();
  end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 1000; i++) sink = run();
    count += 1000;
    now = performance.now();
  }
  if (sink === undefined) throw new Error('no result');
  return ((now - start) * 1000) / count;
}

const routes = new RouteTable(eksModel);
const cluster = describeClusterOutput();
const user = getUserOutput();
const identity = getCallerIdentityOutput();
const request = describeClusterRequest();

const cases: readonly Case[] = [
  { name: 'encodeRestJsonOutput DescribeCluster', run: () => encodeRestJsonOutput(eksModel, 'DescribeCluster', cluster, HOT_REQUEST_ID) },
  { name: 'encodeQueryOutput GetUser (xml)', run: () => encodeQueryOutput(iamModel, 'GetUser', user, HOT_REQUEST_ID) },
  { name: 'encodeQueryOutput GetCallerIdentity (xml)', run: () => encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID) },
  { name: 'encodeQueryOutput GetCallerIdentity (json)', run: () => encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID, 'json') },
  {
    name: 'decodeQueryCall+assertValidInput GetUser',
    run: () => {
      const call = decodeQueryCall(iamModel, queryParameters(GET_USER_BODY, ''));
      assertValidInput(iamModel, call.operation, call.input);
      return call;
    },
  },
  {
    name: 'decodeRestJsonCall+assertValidInput DescribeCluster',
    run: () => {
      const call = decodeRestJsonCall(eksModel, routes, request);
      assertValidInput(eksModel, call.operation, call.input);
      return call;
    },
  },
];

/** The median over `runs` interleaved rounds: a shared machine's noise hits rounds, not whole cases. */
function medians(): number[] {
  const samples: number[][] = cases.map(() => []);
  for (let r = 0; r < runs; r++) cases.forEach((c, i) => samples[i]!.push(usPerCall(c.run)));
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!);
}

const rows = medians().map((us, i) => ({ case: cases[i]!.name, us: Number(us.toFixed(3)) }));
if (values.json) for (const row of rows) console.log(JSON.stringify(row));
else console.table(rows);
