"""boto3 against Tollgate: one EKS call per argument, reported as JSON lines for the Node test.

Usage: boto3-eks.py CLUSTER... with TOLLGATE_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set.
Each line is {"cluster", "ok", "arn"} or {"cluster", "ok": false, "code", "message", "status"}.
"""
import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

eks = boto3.client(
    "eks",
    endpoint_url=os.environ["TOLLGATE_URL"],
    region_name="us-west-2",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    config=Config(retries={"max_attempts": 1}),
)
for name in sys.argv[1:]:
    try:
        cluster = eks.describe_cluster(name=name)["cluster"]
        print(json.dumps({"cluster": name, "ok": True, "arn": cluster["arn"], "status": cluster["status"]}))
    except ClientError as error:
        print(json.dumps({
            "cluster": name,
            "ok": False,
            "code": error.response["Error"]["Code"],
            "message": error.response["Error"]["Message"],
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        }))
