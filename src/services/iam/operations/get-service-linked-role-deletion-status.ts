/**
 * iam:GetServiceLinkedRoleDeletionStatus: Tollgate deletes service-linked roles at once, so every task
 * id DeleteServiceLinkedRole handed out has SUCCEEDED. Authorized on the role the task id names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLinkedRoleDeletionStatus.html
 */
import { defineOperation } from '../../operation.ts';
import { invalidInput } from '../shared/iam-errors.ts';
import { serviceLinkedRoleArn } from '../../shared/service-linked-roles.ts';

const TASK_ID = /^task\/aws-service-role\/([^/]+)\/([^/]+)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const getServiceLinkedRoleDeletionStatus = defineOperation('iam', 'GetServiceLinkedRoleDeletionStatus', {
  authorize: (input, ctx) => {
    const m = TASK_ID.exec(input.DeletionTaskId);
    return [{ action: 'iam:GetServiceLinkedRoleDeletionStatus', resource: m ? serviceLinkedRoleArn(ctx.caller.accountId, m[1]!, m[2]!) : '*' }];
  },
  handle: async (input) => {
    if (!TASK_ID.test(input.DeletionTaskId)) throw invalidInput(`Invalid deletion task id: ${input.DeletionTaskId}`);
    return { Status: 'SUCCEEDED' };
  },
});
