/**
 * YAML parsing, with the `yaml` package loaded at the first document parsed rather than at start:
 * loading it costs about 40 ms, and a server that never meets YAML (no aws-auth ConfigMap, no YAML sent
 * to a cluster's Kubernetes API) should not start slower for it.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type YamlModule = typeof Yaml;

let yaml: YamlModule | undefined;

/** The value of the YAML document `text`; throws the `yaml` package's error when it is not valid YAML. */
export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yaml.parse(text) as unknown;
}
