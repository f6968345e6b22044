#!/usr/bin/python3
"""python-cinderclient (the library) against the service: the same calls the cinder CLI makes.

Signs in with keystoneauth's v3 token plugin (the token exchange at <auth_url>/auth/tokens), negotiates the
microversion the way the cinder CLI does (GET / on the catalog endpoint's root), then works on backups.

Configuration from the environment, as the OpenStack tools read it:
  OS_AUTH_URL (<base>/identity/v3), OS_TOKEN, OS_PROJECT_ID, OS_REGION_NAME (optional)

  cinderclient_backups.py create COUNT NAME_PREFIX   creates COUNT backups, waits until each is available,
                                                     prints "created <id> <name>" for each
  cinderclient_backups.py scenario COUNT PAGE_SIZE   create COUNT, get one, list in pages of PAGE_SIZE by
                                                     marker (every id exactly once), delete them all
  cinderclient_backups.py chain NAME [NAME...]       creates one backup of the volume per name, in order, each
                                                     with metadata (3.43) and available before the next (so each
                                                     later one is incremental on the one before); prints
                                                     "created <id> <name>" for each
  cinderclient_backups.py features                   what later microversions add, through the library: metadata
                                                     on create (3.43), update of name, description and metadata
                                                     (3.9, 3.43), with_count (3.45), sort by name (3.37), the
                                                     incremental flags of a chain, and a chain after its parent
                                                     is deleted

Exits non-zero with a message on the first thing that goes wrong. Needs Debian's /usr/bin/python3 with
python3-cinderclient.
"""
import os
import sys
import time
import uuid

from cinderclient import api_versions
from cinderclient import client as cinder_client
from cinderclient import exceptions as cinder_exceptions
from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

VOLUME_ID = "c5834fe1-577f-462e-9bf3-1b158e1dde9c"


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def env(name, required=True):
    value = os.environ.get(name)
    if required and not value:
        fail("environment variable %s is not set" % name)
    return value


def connect():
    auth = v3.Token(auth_url=env("OS_AUTH_URL"), token=env("OS_TOKEN"), project_id=env("OS_PROJECT_ID"))
    session = ks_session.Session(auth=auth)
    region = env("OS_REGION_NAME", required=False)
    # The cinder CLI's negotiation: a client at the highest version this cinderclient knows asks the server
    # (GET <endpoint root>/) and settles on min(client max, server max).
    probe = cinder_client.Client(api_versions.MAX_VERSION, session=session, region_name=region)
    version = api_versions.discover_version(probe, api_versions.APIVersion(api_versions.MAX_VERSION))
    print("negotiated microversion %s" % version.get_string(), flush=True)
    cinder = cinder_client.Client(version.get_string(), session=session, region_name=region)
    endpoint = cinder.client.get_endpoint()
    if not endpoint.rstrip("/").endswith("/v3/" + env("OS_PROJECT_ID")):
        fail("catalog endpoint %s is not <base>/v3/<project>" % endpoint)
    print("endpoint %s" % endpoint, flush=True)
    return cinder


def wait_available(cinder, backup_id, timeout=30):
    deadline = time.time() + timeout
    while True:
        backup = cinder.backups.get(backup_id)
        if backup.status == "available":
            return backup
        if backup.status == "error" or time.time() > deadline:
            fail("backup %s is %s, not available" % (backup_id, backup.status))
        time.sleep(0.2)


def create(cinder, count, prefix):
    created = []
    for i in range(count):
        name = "%s-%02d" % (prefix, i)
        backup = cinder.backups.create(VOLUME_ID, name=name, description="cinderclient %d" % i,
                                       snapshot_id=str(uuid.uuid4()))
        if backup.name != name:
            fail("create answered name %r, not %r" % (backup.name, name))
        created.append(backup)
    for backup in created:
        wait_available(cinder, backup.id)
        print("created %s %s" % (backup.id, backup.name), flush=True)
    return created


def create_chain(cinder, names):
    """One backup per name, each available before the next: the first is full, each later one incremental on
    the one before (the service's rule: the newest available backup of the volume is the parent)."""
    chain = []
    for i, name in enumerate(names):
        metadata = {"made-by": "cinderclient", "index": str(i)}
        # The negotiated version (3.64) selects the create of 3.51, which sends metadata (3.43+) when given.
        backup = cinder.backups.create(VOLUME_ID, name=name, description="chain %d" % i,
                                       snapshot_id=str(uuid.uuid4()), metadata=metadata)
        if backup.name != name:
            fail("create answered name %r, not %r" % (backup.name, name))
        wait_available(cinder, backup.id)
        print("created %s %s" % (backup.id, name), flush=True)
        chain.append(backup)
    return chain


def expect_flags(cinder, backup_id, label, incremental, dependents):
    got = cinder.backups.get(backup_id)
    if (got.is_incremental, got.has_dependent_backups) != (incremental, dependents):
        fail("%s %s: is_incremental %s, has_dependent_backups %s; expected %s, %s"
             % (label, backup_id, got.is_incremental, got.has_dependent_backups, incremental, dependents))
    print("%s: is_incremental %s, has_dependent_backups %s" % (label, incremental, dependents), flush=True)
    return got


def wait_gone(cinder, backup_id, timeout=30):
    deadline = time.time() + timeout
    while True:
        try:
            cinder.backups.get(backup_id)
        except cinder_exceptions.NotFound:
            return
        if time.time() > deadline:
            fail("backup %s still there %d s after its delete" % (backup_id, timeout))
        time.sleep(0.2)


def features(cinder):
    if cinder.api_version < api_versions.APIVersion("3.45"):
        fail("negotiated %s: these features need 3.45" % cinder.api_version.get_string())
    prefix = "cf-" + uuid.uuid4().hex[:8]
    # Created in the order c, a, b: sorting by name must differ from the order of creation.
    a, b, c = create_chain(cinder, [prefix + "-c", prefix + "-a", prefix + "-b"])

    # 3.43: metadata given on create is in the detail view.
    shown = cinder.backups.get(a.id)
    if shown.metadata != {"made-by": "cinderclient", "index": "0"}:
        fail("metadata of %s after create: %r" % (a.id, shown.metadata))
    print("metadata on create: %s" % sorted(shown.metadata.items()), flush=True)

    # A chain a <- b <- c: the first full, each later one incremental; a and b have a dependent.
    expect_flags(cinder, a.id, "parent", False, True)
    expect_flags(cinder, b.id, "middle", True, True)
    expect_flags(cinder, c.id, "last", True, False)

    # 3.9 + 3.43: PUT /backups/<id> with name, description and metadata (replaces the metadata).
    renamed = prefix + "-d"
    # The manager's update returns the answer's body as a dict (no response_key): the summary, as Cinder's.
    answer = cinder.backups.update(a, name=renamed, description="updated by cinderclient", metadata={"k": "v"})
    if answer.get("backup", {}).get("name") != renamed:
        fail("update answered %r" % dict(answer))
    updated = cinder.backups.get(a.id)
    if (updated.name, updated.description, updated.metadata) != (renamed, "updated by cinderclient", {"k": "v"}):
        fail("after update: name %r, description %r, metadata %r"
             % (updated.name, updated.description, updated.metadata))
    # Only what is given changes.
    cinder.backups.get(b.id).update(description="only the description")
    partly = cinder.backups.get(b.id)
    if (partly.name, partly.description, partly.metadata) != (
            prefix + "-a", "only the description", {"made-by": "cinderclient", "index": "1"}):
        fail("after updating only the description: %r" % partly._info)
    print("updated %s: name %s, description %r, metadata %s" % (a.id, renamed, updated.description,
                                                                 sorted(updated.metadata.items())), flush=True)

    # 3.45: with_count. With a limit the count is still the total; the library returns (backups, count).
    listed, count = cinder.backups.list(search_opts={"with_count": True})
    if len(listed) != 3 or count != 3:
        fail("with_count: %d backups, count %r" % (len(listed), count))
    page, page_count = cinder.backups.list(search_opts={"with_count": True}, limit=1)
    if len(page) != 1 or page_count != 3:
        fail("with_count and limit 1: %d backups, count %r" % (len(page), page_count))
    print("with_count: count %d; with limit 1: %d backup, count %d" % (count, len(page), page_count), flush=True)

    # Sort by name: cinderclient sends sort=display_name:asc.
    ascending = [x.name for x in cinder.backups.list(sort="name:asc")]
    descending = [x.name for x in cinder.backups.list(sort="name:desc")]
    expected = [prefix + "-a", prefix + "-b", renamed]
    if ascending != expected or descending != expected[::-1]:
        fail("sorted by name: asc %s, desc %s; expected %s" % (ascending, descending, expected))
    print("sorted by name: %s" % " ".join(ascending), flush=True)

    # Deleting the parent: b, whose parent was the full backup a, becomes full; c still depends on b.
    cinder.backups.delete(a)
    wait_gone(cinder, a.id)
    expect_flags(cinder, b.id, "after the parent's delete, middle", False, True)
    expect_flags(cinder, c.id, "after the parent's delete, last", True, False)
    cinder.backups.delete(c)
    wait_gone(cinder, c.id)
    expect_flags(cinder, b.id, "after the last's delete, middle", False, False)
    cinder.backups.delete(b)
    wait_gone(cinder, b.id)
    print("deleted the chain", flush=True)
    print("OK cinderclient features", flush=True)


def scenario(cinder, count, page_size):
    prefix = "cc-" + uuid.uuid4().hex[:8]
    created = create(cinder, count, prefix)
    ids = {b.id for b in created}

    shown = cinder.backups.get(created[0].id)
    if (shown.id, shown.name, shown.volume_id, shown.status) != (created[0].id, created[0].name, VOLUME_ID, "available"):
        fail("get answered %s" % shown._info)
    if not shown.snapshot_id:
        fail("get answered no snapshot_id: %s" % shown._info)
    print("get %s %s %s" % (shown.id, shown.name, shown.status), flush=True)

    seen, marker, pages = [], None, 0
    while True:
        page = cinder.backups.list(detailed=True, limit=page_size, marker=marker)
        pages += 1
        if not page:
            break
        seen.extend(b.id for b in page)
        marker = page[-1].id
        if pages > count + 2:
            fail("paging does not end")
    if sorted(seen) != sorted(ids):
        fail("paged listing saw %d ids (%d distinct), expected the %d created" % (len(seen), len(set(seen)), len(ids)))
    print("listed %d backups in %d pages of %d" % (len(seen), pages, page_size), flush=True)

    summary = cinder.backups.list(detailed=False)
    if {b.id for b in summary} != ids:
        fail("summary listing differs from the created set")

    for backup in created:
        cinder.backups.delete(backup)
    for backup in created:
        try:
            left = cinder.backups.get(backup.id)
            if left.status != "deleting":
                fail("backup %s is %s after delete" % (backup.id, left.status))
        except cinder_exceptions.NotFound:
            pass
    remaining = [b for b in cinder.backups.list() if b.id in ids and b.status != "deleting"]
    if remaining:
        fail("still listed after delete: %s" % [b.id for b in remaining])
    print("deleted %d backups" % len(created), flush=True)
    print("OK cinderclient", flush=True)


def main(argv):
    command = argv[1] if len(argv) > 1 else None
    arguments = {"create": lambda n: n == 4, "scenario": lambda n: n == 4, "chain": lambda n: n >= 3,
                 "features": lambda n: n == 2}
    if command not in arguments or not arguments[command](len(argv)):
        print(__doc__)
        sys.exit(2)
    cinder = connect()
    try:
        if command == "create":
            create(cinder, int(argv[2]), argv[3])
        elif command == "scenario":
            scenario(cinder, int(argv[2]), int(argv[3]))
        elif command == "chain":
            create_chain(cinder, argv[2:])
        else:
            features(cinder)
    except cinder_exceptions.ClientException as e:
        fail("%s: %s" % (type(e).__name__, e))


if __name__ == "__main__":
    main(sys.argv)
