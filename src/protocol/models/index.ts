// The generated service models, parsed once at import (regenerate with `npm run generate:models`).
import { parseServiceModel, type ServiceModel } from '../service-model.ts';
import iamJson from './iam.json' with { type: 'json' };
import stsJson from './sts.json' with { type: 'json' };
import eksJson from './eks.json' with { type: 'json' };
import cloudtrailJson from './cloudtrail.json' with { type: 'json' };

/** IAM 2010-05-08 (awsQuery). */
export const iamModel: ServiceModel = parseServiceModel(iamJson);
/** STS 2011-06-15 (awsQuery). */
export const stsModel: ServiceModel = parseServiceModel(stsJson);
/** EKS 2017-11-01 (restJson1). */
export const eksModel: ServiceModel = parseServiceModel(eksJson);
/** CloudTrail 2013-11-01 (awsJson1_1). */
export const cloudtrailModel: ServiceModel = parseServiceModel(cloudtrailJson);
