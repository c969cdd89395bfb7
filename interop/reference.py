"""Drives the Python reference implementation (actingweb[postgresql]) for tests/interop.rs.

Run with the interop virtualenv's python. The database comes from the reference's own
variables: DATABASE_BACKEND=postgresql, PG_DB_HOST (a host name, or a Unix socket directory),
PG_DB_PORT, PG_DB_NAME, PG_DB_USER, PG_DB_PASSWORD, PG_DB_PREFIX, PG_DB_SCHEMA.

Only the reference's public Db* classes (actingweb.db.postgresql.*) and its bundled Alembic
environment are used. Every subcommand prints one JSON document on stdout; datetimes are
rendered with isoformat(). A call of the reference that reports failure ends the process with
exit status 1 and a message on stderr.

Subcommands:
  write-all ACTOR       writes the entities described by the JSON document on stdin (see
                        write_all) and prints what only Python knows: the time window of the
                        writes and the diff timestamps it generated
  read-all ACTOR        prints everything the Db* classes read for the actor
  property-texts ACTOR  stdin: a JSON array of values; sets each with DbProperty.set under
                        the name "py-<index>" and prints the texts DbProperty.get reads back
  alembic-upgrade       runs `upgrade head` with the reference's bundled alembic.ini and
                        prints the current revision before and after
  create-actors         stdin: [[id, creator], ...]; DbActor.create each (passphrase "pw") and
                        prints the creator DbActor.get reads back for each
  actors-by-creator     stdin: [creator, ...]; prints the ids DbActor.get_by_creator finds for
                        each, sorted ([] for none)
  set-properties        stdin: [[actor_id, name, value], ...]; DbProperty.set each, in order
  delete-properties     stdin: [[actor_id, name], ...]; DbProperty.get then delete each
  lookups               stdin: [[name, value], ...]; prints, for each, what
                        DbProperty.get_actor_id_from_property and DbPropertyLookup.get return
  modify-subscription ACTOR
                        stdin: {peerid, subid, changes}; DbSubscription.get, then modify with
                        the keyword arguments `changes`; prints what DbSubscription.get reads
                        afterwards under the (possibly new) peer id and subscription id
  str-lower             prints what Python's str.lower() does to every code point (except
                        surrogates): {"python", "unicode", "lower": {hex: lowered} for the code
                        points it changes, "classes": {"cased": [[first, last], ...],
                        "ignorable": [...]}}, the classes as the Final_Sigma rule sees them
                        (cased: "c" + "Σ" ends in "ς"; ignorable: only "A" + c + "Σ" does)
"""

import io
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from actingweb.db.postgresql import (
    DbActor,
    DbAttribute,
    DbAttributeBucketList,
    DbPeerTrustee,
    DbPeerTrusteeList,
    DbProperty,
    DbPropertyList,
    DbPropertyLookup,
    DbSubscription,
    DbSubscriptionDiff,
    DbSubscriptionDiffList,
    DbSubscriptionList,
    DbTrust,
    DbTrustList,
)
from actingweb.db.postgresql.subscription_suspension import DbSubscriptionSuspension

INDEXED = ("oauthId", "email", "externalUserId")


def check(ok, what):
    if ok is not True:
        sys.exit(f"reference.py: {what} returned {ok!r}")


def render(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot render {type(value)}")


def write_all(actor_id, spec):
    """Writes `spec` for `actor_id` through the reference.

    spec = {
      "actor": {"creator", "passphrase"},
      "properties": [[name, value], ...]          DbProperty.set (any JSON value)
      "trusts": [{peerid, ...every DbTrust.create keyword...}],
      "peer_trustees": [{peerid, peer_type, baseuri, passphrase}],
      "subscriptions": [{peerid, subid, granularity, target, subtarget, resource, seqnr,
                         callback}],
      "diffs": [{subid, seqnr, diff}],
      "attributes": [{bucket, name, data, timestamp (naive ISO or null), ttl_seconds}],
      "suspensions": [{target, subtarget}],
    }
    """
    started = datetime.now(UTC)
    actor = spec["actor"]
    check(DbActor().create(actor_id, actor["creator"], actor["passphrase"]), "DbActor.create")
    for name, value in spec["properties"]:
        check(DbProperty().set(actor_id, name, value), f"DbProperty.set({name!r})")
    for trust in spec["trusts"]:
        check(DbTrust().create(actor_id=actor_id, **trust), "DbTrust.create")
    for peer in spec["peer_trustees"]:
        check(DbPeerTrustee().create(actor_id=actor_id, **peer), "DbPeerTrustee.create")
    for sub in spec["subscriptions"]:
        check(DbSubscription().create(actor_id=actor_id, **sub), "DbSubscription.create")
    diff_timestamps = []
    for diff in spec["diffs"]:
        db = DbSubscriptionDiff()
        check(db.create(actor_id=actor_id, **diff), "DbSubscriptionDiff.create")
        diff_timestamps.append(db.handle["timestamp"])
    ttl_epochs = []
    for attr in spec["attributes"]:
        timestamp = attr["timestamp"]
        if timestamp is not None:
            timestamp = datetime.fromisoformat(timestamp)
        before = int(time.time())
        check(
            DbAttribute.set_attr(
                actor_id,
                attr["bucket"],
                attr["name"],
                data=attr["data"],
                timestamp=timestamp,
                ttl_seconds=attr["ttl_seconds"],
            ),
            "DbAttribute.set_attr",
        )
        ttl_epochs.append([before, int(time.time())])
    suspensions = DbSubscriptionSuspension(actor_id)
    for suspension in spec["suspensions"]:
        check(
            suspensions.suspend(suspension["target"], suspension["subtarget"]),
            "DbSubscriptionSuspension.suspend",
        )
    return {
        "started": started,
        "finished": datetime.now(UTC),
        "diff_timestamps": diff_timestamps,
        "attribute_clock_epochs": ttl_epochs,
    }


def read_all(actor_id):
    actor = DbActor().get(actor_id)
    out = {"actor": actor}
    out["actors_by_creator"] = DbActor().get_by_creator(actor["creator"]) if actor else None

    properties = DbPropertyList().fetch_all_including_lists(actor_id)
    out["properties"] = properties
    out["plain_properties"] = DbPropertyList().fetch(actor_id)
    out["reverse_lookups"] = {
        name: {
            "get_actor_id_from_property": DbProperty().get_actor_id_from_property(name, value),
            "property_lookup": DbPropertyLookup().get(name, value),
        }
        for name, value in (properties or {}).items()
        if name in INDEXED
    }

    trusts = DbTrustList().fetch(actor_id)
    out["trusts"] = trusts
    out["trust_get"] = {t["peerid"]: DbTrust().get(actor_id, peerid=t["peerid"]) for t in trusts}
    out["trust_by_token"] = {
        t["peerid"]: (DbTrust().get(actor_id, token=t["secret"]) or {}).get("peerid")
        for t in trusts
    }
    out["token_in_db"] = {t["peerid"]: DbTrust.is_token_in_db(actor_id, t["secret"]) for t in trusts}

    peers = DbPeerTrusteeList().fetch(actor_id)
    out["peer_trustees"] = peers
    out["peer_trustee_get"] = {
        p["peerid"]: DbPeerTrustee().get(actor_id, peerid=p["peerid"]) for p in peers
    }
    out["peer_trustee_by_type"] = {
        p["type"]: DbPeerTrustee().get(actor_id, peer_type=p["type"]) for p in peers
    }

    subs = DbSubscriptionList().fetch(actor_id)
    out["subscriptions"] = subs
    out["subscription_get"] = [
        DbSubscription().get(actor_id, s["peerid"], s["subscriptionid"]) for s in subs
    ]

    diffs = DbSubscriptionDiffList().fetch(actor_id)
    out["diffs"] = diffs
    out["diff_get"] = [
        DbSubscriptionDiff().get(actor_id, d["subscriptionid"], d["sequence"]) for d in diffs
    ]
    out["diff_first"] = {
        d["subscriptionid"]: DbSubscriptionDiff().get(actor_id, d["subscriptionid"])
        for d in diffs
    }

    buckets = DbAttributeBucketList.fetch(actor_id)
    out["attributes"] = buckets
    out["attribute_get"] = {
        bucket: {name: DbAttribute.get_attr(actor_id, bucket, name) for name in rows}
        for bucket, rows in (buckets or {}).items()
    }
    out["attribute_get_strict"] = {
        bucket: {name: DbAttribute.get_attr_strict(actor_id, bucket, name) for name in rows}
        for bucket, rows in (buckets or {}).items()
    }
    out["attribute_bucket"] = {
        bucket: DbAttribute.get_bucket(actor_id, bucket) for bucket in (buckets or {})
    }
    out["attribute_timestamps"] = DbAttributeBucketList.fetch_timestamps(actor_id)

    suspensions = DbSubscriptionSuspension(actor_id)
    pairs = sorted(suspensions.get_all_suspended(), key=lambda p: (p[0], p[1] or ""))
    out["suspensions"] = pairs
    out["is_suspended"] = {
        f"{target}/{subtarget or ''}": suspensions.is_suspended(target, subtarget)
        for target, subtarget in pairs
    }
    return out


def property_texts(actor_id, values):
    texts = []
    for index, value in enumerate(values):
        name = f"py-{index}"
        check(DbProperty().set(actor_id, name, value), f"DbProperty.set({name!r})")
        texts.append(DbProperty().get(actor_id, name))
    return texts


def alembic_upgrade():
    """`upgrade head` as scripts/migrate_db.py runs it: the alembic.ini inside the installed
    package, the reference's migrations/env.py reading the PG_DB_* variables."""
    import actingweb
    from alembic import command
    from alembic.config import Config

    ini = Path(actingweb.__file__).parent / "db" / "postgresql" / "alembic.ini"
    if not ini.is_file():
        sys.exit(f"reference.py: no alembic.ini at {ini}")
    host = os.environ.get("PG_DB_HOST", "localhost")
    if host.startswith("/") and not os.environ.get("PG_DB_URL"):
        # env.py builds postgresql+psycopg://user@HOST:PORT/db, which cannot name a Unix
        # socket directory; PG_DB_URL is the reference's own override for that. Like env.py
        # it does not percent-encode (alembic's config file parser would read a "%" as an
        # interpolation).
        user = os.environ.get("PG_DB_USER", "actingweb")
        password = os.environ.get("PG_DB_PASSWORD", "")
        auth = f"{user}:{password}" if password else user
        database = os.environ.get("PG_DB_NAME", "actingweb")
        port = os.environ.get("PG_DB_PORT", "5432")
        os.environ["PG_DB_URL"] = f"postgresql+psycopg://{auth}@/{database}?host={host}&port={port}"

    def current():
        buffer = io.StringIO()
        command.current(Config(str(ini), stdout=buffer))
        words = buffer.getvalue().split()
        return words[0] if words else None

    before = current()
    command.upgrade(Config(str(ini)), "head")
    return {"before": before, "after": current()}


def create_actors(pairs):
    creators = []
    for actor_id, creator in pairs:
        check(DbActor().create(actor_id, creator, "pw"), f"DbActor.create({actor_id!r})")
        creators.append(DbActor().get(actor_id)["creator"])
    return creators


def actors_by_creator(creators):
    found = []
    for creator in creators:
        result = DbActor().get_by_creator(creator)
        if result is None:
            rows = []
        elif isinstance(result, dict):
            rows = [result]
        else:
            rows = result
        found.append(sorted(row["id"] for row in rows))
    return found


def set_properties(writes):
    for actor_id, name, value in writes:
        check(DbProperty().set(actor_id, name, value), f"DbProperty.set({actor_id!r}, {name!r})")
    return None


def delete_properties(deletes):
    for actor_id, name in deletes:
        db = DbProperty()
        if db.get(actor_id, name) is not None:
            check(db.delete(), f"DbProperty.delete({actor_id!r}, {name!r})")
    return None


def lookups(pairs):
    return [
        {
            "get_actor_id_from_property": DbProperty().get_actor_id_from_property(name, value),
            "property_lookup": DbPropertyLookup().get(name, value),
        }
        for name, value in pairs
    ]


def modify_subscription(actor_id, spec):
    db = DbSubscription()
    if not db.get(actor_id, spec["peerid"], spec["subid"]):
        sys.exit("reference.py: DbSubscription.get found no subscription")
    changes = spec["changes"]
    check(db.modify(**changes), "DbSubscription.modify")
    peerid = changes.get("peerid") or spec["peerid"]
    subid = changes.get("subid") or spec["subid"]
    return DbSubscription().get(actor_id, peerid, subid)


def str_lower():
    import unicodedata

    lower = {}
    cased = []
    ignorable = []

    def add(ranges, cp):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if c.lower() != c:
            lower[f"{cp:X}"] = c.lower()
        if (c + "\u03a3").lower().endswith("\u03c2"):
            add(cased, cp)
        elif ("A" + c + "\u03a3").lower().endswith("\u03c2"):
            add(ignorable, cp)
    return {
        "python": sys.version.split()[0],
        "unicode": unicodedata.unidata_version,
        "lower": lower,
        "classes": {"cased": cased, "ignorable": ignorable},
    }


def main(argv):
    if len(argv) < 1:
        sys.exit(__doc__)
    command, args = argv[0], argv[1:]
    if command == "write-all" and len(args) == 1:
        result = write_all(args[0], json.load(sys.stdin))
    elif command == "read-all" and len(args) == 1:
        result = read_all(args[0])
    elif command == "property-texts" and len(args) == 1:
        result = property_texts(args[0], json.load(sys.stdin))
    elif command == "alembic-upgrade" and not args:
        result = alembic_upgrade()
    elif command == "create-actors" and not args:
        result = create_actors(json.load(sys.stdin))
    elif command == "actors-by-creator" and not args:
        result = actors_by_creator(json.load(sys.stdin))
    elif command == "set-properties" and not args:
        result = set_properties(json.load(sys.stdin))
    elif command == "delete-properties" and not args:
        result = delete_properties(json.load(sys.stdin))
    elif command == "lookups" and not args:
        result = lookups(json.load(sys.stdin))
    elif command == "modify-subscription" and len(args) == 1:
        result = modify_subscription(args[0], json.load(sys.stdin))
    elif command == "str-lower" and not args:
        result = str_lower()
    else:
        sys.exit(__doc__)
    json.dump(result, sys.stdout, default=render)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
