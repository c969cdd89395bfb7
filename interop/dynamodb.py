"""Drives the Python reference's DynamoDB backend (actingweb.db.dynamodb) for
cli/tests/dynamodb.rs.

Run with a python that has actingweb[postgresql,dynamodb] (interop/requirements-dynamodb.txt).
The tables come from the reference's own variables, read when the models are imported:
AWS_DB_PREFIX, AWS_DEFAULT_REGION, AWS_DB_HOST (the local server's URL), and the AWS
credentials. The backend creates its tables on first use.

The subcommands of reference.py (write-all, read-all, set-properties, delete-properties,
lookups, ...) run unchanged with the DynamoDB backend's Db* classes in place of the PostgreSQL
ones, so both backends answer the same calls. Further subcommands:

  delete-trusts        stdin: [[actor_id, peerid], ...]; DbTrust.get then delete each
  set-attributes       stdin: [{actor_id, bucket, name, data, ttl_seconds}, ...];
                       DbAttribute.set_attr each
  delete-attributes    stdin: [[actor_id, bucket, name], ...]; DbAttribute.delete_attr each
  create-actors-raw    stdin: [[id, creator, passphrase], ...]; DbActor.create each, with the
                       id as given (no length check, as the backend makes none)
  put-item TABLE       stdin: an item in DynamoDB's JSON form ({"id": {"S": "..."}, ...}),
                       written as it is to AWS_DB_PREFIX + "_" + TABLE with boto3 (a
                       malformed item, which the backend's classes cannot write)
  set-lookups          stdin: [[property_name, value, actor_id], ...]; DbPropertyLookup.create
                       each with overwrite
  lookup-keys          stdin: [[property_name, value], ...]; prints compute_lookup_key of each
  delete-lookups       stdin: [[property_name, value], ...]; DbPropertyLookup.delete each
  v1-lookups           stdin: [[property_name, value, actor_id], ...]; saved with the
                       deprecated v1 model PropertyLookup, its table created when missing (the
                       lookup table of older versions of the backend)
  delete-table TABLE   deletes AWS_DB_PREFIX + "_" + TABLE with boto3
  fill ACTORS PROPERTIES
                       writes ACTORS actors with PROPERTIES properties each through the
                       backend's models in batches (the backend's item shapes), for the
                       throughput measurement; prints the number of items
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import actingweb.db.dynamodb as dynamodb  # noqa: E402
import actingweb.db.dynamodb.property_lookup as lookup  # noqa: E402
import reference  # noqa: E402
from actingweb.db.dynamodb.subscription_suspension import (  # noqa: E402
    DbSubscriptionSuspension,
)

for name in (
    "DbActor",
    "DbAttribute",
    "DbAttributeBucketList",
    "DbPeerTrustee",
    "DbPeerTrusteeList",
    "DbProperty",
    "DbPropertyList",
    "DbPropertyLookup",
    "DbSubscription",
    "DbSubscriptionDiff",
    "DbSubscriptionDiffList",
    "DbSubscriptionList",
    "DbTrust",
    "DbTrustList",
):
    setattr(reference, name, getattr(dynamodb, name))
reference.DbSubscriptionSuspension = DbSubscriptionSuspension


class DbSubscriptionDiff(dynamodb.DbSubscriptionDiff):
    """The backend's class, whose `handle` after `create` write_all reads as the PostgreSQL
    backend's dict (`handle["timestamp"]`)."""

    def create(self, *args, **kwargs):
        ok = super().create(*args, **kwargs)
        self.handle = {"timestamp": self.handle.timestamp}
        return ok


reference.DbSubscriptionDiff = DbSubscriptionDiff


def delete_trusts(pairs):
    for actor_id, peerid in pairs:
        db = dynamodb.DbTrust()
        if db.get(actor_id, peerid=peerid) is None:
            sys.exit(f"dynamodb.py: no trust {actor_id}/{peerid}")
        reference.check(db.delete(), "DbTrust.delete")
    return len(pairs)


def set_attributes(writes):
    for w in writes:
        reference.check(
            dynamodb.DbAttribute.set_attr(
                w["actor_id"],
                w["bucket"],
                w["name"],
                data=w["data"],
                ttl_seconds=w.get("ttl_seconds"),
            ),
            "DbAttribute.set_attr",
        )
    return len(writes)


def delete_attributes(triples):
    for actor_id, bucket, name in triples:
        reference.check(
            dynamodb.DbAttribute().delete_attr(actor_id, bucket, name),
            "DbAttribute.delete_attr",
        )
    return len(triples)


def create_actors_raw(rows):
    for actor_id, creator, passphrase in rows:
        reference.check(dynamodb.DbActor().create(actor_id, creator, passphrase), "DbActor.create")
    return len(rows)


def boto3_table(table):
    """A boto3 client of the local server (boto3 comes with moto) and the full name of TABLE."""
    import os

    import boto3

    client = boto3.client(
        "dynamodb",
        endpoint_url=os.environ["AWS_DB_HOST"],
        region_name=os.getenv("AWS_DEFAULT_REGION", "us-west-1"),
    )
    prefix = os.getenv("AWS_DB_PREFIX", "demo_actingweb")
    return client, f"{prefix}_{table}"


def put_item(table, item):
    # The reference's classes cannot write a malformed item.
    client, name = boto3_table(table)
    client.put_item(TableName=name, Item=item)
    return 1


def delete_table(table):
    client, name = boto3_table(table)
    client.delete_table(TableName=name)
    return 1


def set_lookups(rows):
    for name, value, actor_id in rows:
        reference.check(
            lookup.DbPropertyLookup().create(name, value, actor_id, overwrite=True),
            "DbPropertyLookup.create",
        )
    return len(rows)


def lookup_keys(pairs):
    return [lookup.compute_lookup_key(name, value) for name, value in pairs]


def delete_lookups(pairs):
    for name, value in pairs:
        reference.check(lookup.DbPropertyLookup().delete(name, value), "DbPropertyLookup.delete")
    return len(pairs)


def v1_lookups(rows):
    if not lookup.PropertyLookup.exists():
        lookup.PropertyLookup.create_table(wait=True)
    for name, value, actor_id in rows:
        lookup.PropertyLookup(property_name=name, value=value, actor_id=actor_id).save()
    return len(rows)


def fill(actors, properties):
    with dynamodb.Actor.batch_write() as batch:
        for a in range(actors):
            batch.save(
                dynamodb.Actor(id=f"bulk-{a:07d}", creator=f"bulk{a}@example.com", passphrase="pw")
            )
    with dynamodb.Property.batch_write() as batch:
        for a in range(actors):
            for p in range(properties):
                batch.save(
                    dynamodb.Property(
                        id=f"bulk-{a:07d}", name=f"p{p}", value=f"value {a}/{p} ø🎉"
                    )
                )
    return actors * (1 + properties)


def ensure_tables():
    """Constructs each Db* class once: constructors create the tables (the static methods of
    DbAttribute, which write_all calls, do not)."""
    for cls in (
        dynamodb.DbActor,
        dynamodb.DbProperty,
        dynamodb.DbPropertyLookup,
        dynamodb.DbAttribute,
        dynamodb.DbTrust,
        dynamodb.DbPeerTrustee,
        dynamodb.DbSubscription,
        dynamodb.DbSubscriptionDiff,
    ):
        cls()
    DbSubscriptionSuspension("ensure-tables")


# The subcommands of this script: (number of arguments, whether a JSON document is read from
# stdin as the last argument, function).
COMMANDS = {
    "delete-trusts": (0, True, delete_trusts),
    "set-attributes": (0, True, set_attributes),
    "delete-attributes": (0, True, delete_attributes),
    "create-actors-raw": (0, True, create_actors_raw),
    "put-item": (1, True, put_item),
    "delete-table": (1, False, delete_table),
    "set-lookups": (0, True, set_lookups),
    "lookup-keys": (0, True, lookup_keys),
    "delete-lookups": (0, True, delete_lookups),
    "v1-lookups": (0, True, v1_lookups),
    "fill": (2, False, lambda actors, properties: fill(int(actors), int(properties))),
}


def main(argv):
    ensure_tables()
    command, args = (argv[0], argv[1:]) if argv else (None, [])
    arity, reads_stdin, run = COMMANDS.get(command, (None, False, None))
    if run is None or len(args) != arity:
        reference.main(argv)
        return
    result = run(*args, json.load(sys.stdin)) if reads_stdin else run(*args)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
