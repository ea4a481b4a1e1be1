/**
 * The service a role is passed to, for the `iam:PassedToService` condition of an iam:PassRole fix:
 * from the operation that passed it (a table of the common ones, each from the service's own
 * documentation), from a service-linked role's path, which names the service, or (with a data
 * directory) from the role's trust policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService
 */
import { servicePrefix } from './operation-actions.ts';

/** Where the service was learnt. */
export type PassedToSource = 'operation' | 'service-linked role' | 'trust policy';

/** The service a role is passed to. */
export interface PassedTo {
  readonly service: string;
  readonly source: PassedToSource;
  /** Why, in words (the operation and its service, or the role's path). */
  readonly because: string;
}

/**
 * Operations that pass a role, by the IAM prefix of their service, and the service principal the
 * caller's iam:PassRole is checked with. EKS checks `eks.amazonaws.com` for every role it is given,
 * node roles included (the EKS console policy and Step Functions' eks:createNodegroup policy both
 * allow PassRole only with `iam:PassedToService = eks.amazonaws.com`), except the EC2 node role of an
 * EC2_LINUX/EC2_WINDOWS access entry, which is passed to EC2.
 */
const PASSING_OPERATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // https://docs.aws.amazon.com/eks/latest/userguide/security-iam-id-based-policy-examples.html
  eks: { CreateCluster: 'eks.amazonaws.com', CreateNodegroup: 'eks.amazonaws.com', UpdateNodegroupConfig: 'eks.amazonaws.com', CreateFargateProfile: 'eks.amazonaws.com', CreateAddon: 'eks.amazonaws.com', UpdateAddon: 'eks.amazonaws.com', CreateAccessEntry: 'ec2.amazonaws.com' },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
  ec2: { RunInstances: 'ec2.amazonaws.com', AssociateIamInstanceProfile: 'ec2.amazonaws.com', ReplaceIamInstanceProfileAssociation: 'ec2.amazonaws.com', RequestSpotFleet: 'spotfleet.amazonaws.com' },
  // https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
  lambda: { CreateFunction: 'lambda.amazonaws.com', UpdateFunctionConfiguration: 'lambda.amazonaws.com' },
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
  ecs: { RegisterTaskDefinition: 'ecs-tasks.amazonaws.com', RunTask: 'ecs-tasks.amazonaws.com' },
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
  cloudformation: { CreateStack: 'cloudformation.amazonaws.com', UpdateStack: 'cloudformation.amazonaws.com', CreateChangeSet: 'cloudformation.amazonaws.com' },
  // https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html
  states: { CreateStateMachine: 'states.amazonaws.com', UpdateStateMachine: 'states.amazonaws.com' },
  // https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html
  glue: { CreateJob: 'glue.amazonaws.com', UpdateJob: 'glue.amazonaws.com', CreateCrawler: 'glue.amazonaws.com' },
  // https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
  codebuild: { CreateProject: 'codebuild.amazonaws.com', UpdateProject: 'codebuild.amazonaws.com' },
  // https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html
  codepipeline: { CreatePipeline: 'codepipeline.amazonaws.com', UpdatePipeline: 'codepipeline.amazonaws.com' },
  // https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
  sagemaker: { CreateTrainingJob: 'sagemaker.amazonaws.com', CreateNotebookInstance: 'sagemaker.amazonaws.com', CreateModel: 'sagemaker.amazonaws.com', CreateProcessingJob: 'sagemaker.amazonaws.com' },
  // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html
  events: { PutTargets: 'events.amazonaws.com' },
  // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html
  scheduler: { CreateSchedule: 'scheduler.amazonaws.com', UpdateSchedule: 'scheduler.amazonaws.com' },
  // https://docs.aws.amazon.com/batch/latest/userguide/service_IAM_role.html
  batch: { CreateComputeEnvironment: 'batch.amazonaws.com' },
  // https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-role.html
  elasticmapreduce: { RunJobFlow: 'elasticmapreduce.amazonaws.com' },
};

/** Operation names that more than one service has, resolved to the service meant when only the name is known. */
const DEFAULT_SERVICE: Readonly<Record<string, string>> = { CreateCluster: 'eks', CreateJob: 'glue', CreateProject: 'codebuild', CreateModel: 'sagemaker' };

const OWNERS: ReadonlyMap<string, readonly string[]> = (() => {
  const owners = new Map<string, string[]>();
  for (const [prefix, ops] of Object.entries(PASSING_OPERATIONS)) for (const op of Object.keys(ops)) owners.set(op, [...(owners.get(op) ?? []), prefix]);
  return owners;
})();

/** From the operation (and the client's service name, when it printed one). */
export function passedToByOperation(operation: string | null, service: string | null): PassedTo | undefined {
  if (operation === null) return undefined;
  const owners = OWNERS.get(operation) ?? [];
  const named = servicePrefix(service);
  const prefix = named !== undefined ? (owners.includes(named) ? named : undefined) : owners.length === 1 ? owners[0] : DEFAULT_SERVICE[operation];
  const target = prefix === undefined ? undefined : PASSING_OPERATIONS[prefix]?.[operation];
  if (prefix === undefined || target === undefined) return undefined;
  return { service: target, source: 'operation', because: `${operation} (${prefix}) passes its role to ${target}` };
}

/** From a service-linked role's ARN: `role/aws-service-role/<service principal>/<name>`. */
export function passedToByRolePath(roleArn: string | null): PassedTo | undefined {
  const m = roleArn ? /:role\/aws-service-role\/([a-z0-9.-]+\.amazonaws\.com)\//.exec(roleArn) : null;
  if (!m) return undefined;
  return { service: m[1]!, source: 'service-linked role', because: `the role is the service-linked role of ${m[1]!}` };
}
