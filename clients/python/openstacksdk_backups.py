#!/usr/bin/python3
"""openstacksdk against the service: conn.block_storage backups, signed in with auth_type v3token.

Configuration from the environment: OS_AUTH_URL (<base>/identity/v3), OS_TOKEN, OS_PROJECT_ID,
OS_REGION_NAME (optional).

  openstacksdk_backups.py COUNT PAGE_SIZE
      create COUNT backups (create_backup, with snapshot_id), wait until available (wait_for_status), get one
      (get_backup), list them all with limit=PAGE_SIZE (the SDK follows backups_links; every id exactly once,
      in more than one page), delete them all (delete_backup) and wait until they are gone. No microversion is
      configured: the SDK sends none (Backup has no _max_microversion), and the service answers at 3.0.

  openstacksdk_backups.py features MICROVERSION
      with block_storage_default_microversion=MICROVERSION (the SDK's setting, clouds.yaml
      block_storage_default_microversion or env OS_BLOCK_STORAGE_DEFAULT_MICROVERSION), which the SDK then sends
      on every block-storage request: a chain of three backups of one volume with metadata (3.43), their
      is_incremental / has_dependent_backups, an update of name, description and metadata (3.9, 3.43),
      with_count (3.45), sorting by name, and the chain after its parent is deleted.

What openstacksdk 0.101 cannot do, and what this program does instead (the SDK's own adapter, signed in, on the
catalog's block-storage endpoint, with the configured microversion):
  - update a backup: Backup has no allow_commit and the proxy no update_backup, so Backup.commit raises
    MethodNotSupported; the update is storage.put("/backups/<id>", json={"backup": {...}}).
  - with_count: Backup's query mapping (all_tenants, limit, marker, project_id, name, status, volume_id,
    sort_key, sort_dir) has no with_count, so backups(with_count=True) raises InvalidResourceQuery, and the list
    generator would drop the count anyway; the count is read with storage.get("/backups/detail",
    params={"with_count": "true"}).
  - sort: only sort_key/sort_dir (no "sort=key:dir"): backups(sort_key="name", sort_dir="asc").

Exits non-zero with a message on the first thing that goes wrong. Needs Debian's /usr/bin/python3 with
python3-openstacksdk.
"""
import os
import sys
import uuid
from urllib.parse import urlparse, parse_qs

import openstack
from openstack import exceptions as sdk_exceptions

VOLUME_ID = "c5834fe1-577f-462e-9bf3-1b158e1dde9c"


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def env(name, required=True):
    value = os.environ.get(name)
    if required and not value:
        fail("environment variable %s is not set" % name)
    return value


def connect(microversion=None):
    settings = {}
    if microversion:
        settings["block_storage_default_microversion"] = microversion
    return openstack.connect(auth_type="v3token", auth_url=env("OS_AUTH_URL"), token=env("OS_TOKEN"),
                             project_id=env("OS_PROJECT_ID"), region_name=env("OS_REGION_NAME", required=False),
                             load_yaml_config=False, load_envvars=False, **settings)


def check_endpoint(storage):
    endpoint = storage.get_endpoint()
    if not endpoint.rstrip("/").endswith("/v3/" + env("OS_PROJECT_ID")):
        fail("block-storage endpoint %s is not <base>/v3/<project>" % endpoint)
    print("endpoint %s" % endpoint, flush=True)


def expect_flags(storage, backup_id, label, incremental, dependents):
    got = storage.get_backup(backup_id)
    if (got.is_incremental, got.has_dependent_backups) != (incremental, dependents):
        fail("%s %s: is_incremental %s, has_dependent_backups %s; expected %s, %s"
             % (label, backup_id, got.is_incremental, got.has_dependent_backups, incremental, dependents))
    print("%s: is_incremental %s, has_dependent_backups %s" % (label, incremental, dependents), flush=True)


def features(microversion):
    conn = connect(microversion)
    storage = conn.block_storage
    check_endpoint(storage)
    # The version every request sends (OpenStack-API-Version: volume <it>), as configured.
    print("default microversion %s" % storage.default_microversion, flush=True)
    if storage.default_microversion != microversion:
        fail("configured microversion %s, the adapter has %s" % (microversion, storage.default_microversion))

    # A chain: each backup available before the next, so the first is full and each later one incremental on the
    # one before. Created in the order c, a, b: sorting by name differs from the order of creation.
    prefix = "sdkf-" + uuid.uuid4().hex[:8]
    chain = []
    for i, suffix in enumerate(["c", "a", "b"]):
        name = "%s-%s" % (prefix, suffix)
        backup = storage.create_backup(volume_id=VOLUME_ID, snapshot_id=str(uuid.uuid4()), name=name,
                                       description="openstacksdk chain %d" % i,
                                       metadata={"made-by": "openstacksdk", "index": str(i)})
        storage.wait_for_status(backup, status="available", failures=["error"], interval=0.2, wait=30)
        print("created %s %s" % (backup.id, name), flush=True)
        chain.append(backup)
    a, b, c = chain

    got = storage.get_backup(a.id)
    if got.metadata != {"made-by": "openstacksdk", "index": "0"}:
        fail("metadata of %s after create: %r" % (a.id, got.metadata))
    print("metadata on create: %s" % sorted(got.metadata.items()), flush=True)

    expect_flags(storage, a.id, "parent", False, True)
    expect_flags(storage, b.id, "middle", True, True)
    expect_flags(storage, c.id, "last", True, False)
    # The same flags in the detail listing.
    listed = {x.id: (x.is_incremental, x.has_dependent_backups, x.metadata) for x in storage.backups(details=True)}
    if listed != {a.id: (False, True, {"made-by": "openstacksdk", "index": "0"}),
                  b.id: (True, True, {"made-by": "openstacksdk", "index": "1"}),
                  c.id: (True, False, {"made-by": "openstacksdk", "index": "2"})}:
        fail("detail listing: %r" % listed)
    print("detail listing: the same flags and metadata", flush=True)

    # Update (3.9; metadata 3.43). openstacksdk 0.101 has no update for backups: Backup.allow_commit is False.
    got.name = "x"
    try:
        got.commit(storage)
        fail("Backup.commit worked: this openstacksdk can update backups, use it")
    except sdk_exceptions.MethodNotSupported:
        print("Backup.commit: MethodNotSupported (openstacksdk 0.101 cannot update a backup)", flush=True)
    renamed = prefix + "-d"
    response = storage.put("/backups/%s" % a.id, json={"backup": {
        "name": renamed, "description": "updated by openstacksdk", "metadata": {"k": "v"}}})
    if response.status_code != 200 or response.json()["backup"]["name"] != renamed:
        fail("PUT /backups/%s answered %d %s" % (a.id, response.status_code, response.text))
    if response.headers.get("OpenStack-API-Version") != "volume " + microversion:
        fail("PUT answered at %s" % response.headers.get("OpenStack-API-Version"))
    got = storage.get_backup(a.id)
    if (got.name, got.description, got.metadata) != (renamed, "updated by openstacksdk", {"k": "v"}):
        fail("after update: name %r, description %r, metadata %r" % (got.name, got.description, got.metadata))
    print("updated %s: name %s, description %r, metadata %s" % (a.id, got.name, got.description,
                                                                 sorted(got.metadata.items())), flush=True)

    # with_count (3.45): not a query parameter openstacksdk 0.101 knows.
    try:
        list(storage.backups(with_count=True))
        fail("backups(with_count=True) was accepted: this openstacksdk knows with_count, use it")
    except sdk_exceptions.InvalidResourceQuery:
        print("backups(with_count=True): InvalidResourceQuery (openstacksdk 0.101 has no with_count)", flush=True)
    counted = storage.get("/backups/detail", params={"with_count": "true", "limit": 1})
    body = counted.json()
    if counted.status_code != 200 or body.get("count") != 3 or len(body.get("backups", [])) != 1:
        fail("with_count and limit 1 answered %d %s" % (counted.status_code, counted.text))
    print("with_count: count %d with limit 1" % body["count"], flush=True)

    # Sort by name, the SDK's way (sort_key/sort_dir).
    ascending = [x.name for x in storage.backups(sort_key="name", sort_dir="asc")]
    descending = [x.name for x in storage.backups(sort_key="name", sort_dir="desc")]
    expected = [prefix + "-a", prefix + "-b", renamed]
    if ascending != expected or descending != expected[::-1]:
        fail("sorted by name: asc %s, desc %s; expected %s" % (ascending, descending, expected))
    print("sorted by name: %s" % " ".join(ascending), flush=True)

    # Deleting the parent (full): its dependent becomes full and keeps its own dependent.
    storage.delete_backup(a, ignore_missing=False)
    storage.wait_for_delete(a, interval=0.2, wait=30)
    expect_flags(storage, b.id, "after the parent's delete, middle", False, True)
    expect_flags(storage, c.id, "after the parent's delete, last", True, False)
    for backup in (c, b):
        storage.delete_backup(backup, ignore_missing=False)
        storage.wait_for_delete(backup, interval=0.2, wait=30)
    left = [x.id for x in storage.backups() if x.id in {a.id, b.id, c.id}]
    if left:
        fail("still listed after delete: %s" % left)
    print("deleted the chain", flush=True)
    print("OK openstacksdk features", flush=True)


def main(argv):
    if len(argv) == 3 and argv[1] == "features":
        features(argv[2])
        return
    if len(argv) != 3:
        print(__doc__)
        sys.exit(2)
    count, page_size = int(argv[1]), int(argv[2])
    conn = connect()

    # Every list request the SDK sends, to show that it really pages.
    list_requests = []

    def record(response, *args, **kwargs):
        path = urlparse(response.request.url).path
        if response.request.method == "GET" and path.endswith("/backups/detail"):
            list_requests.append(parse_qs(urlparse(response.request.url).query))
    conn.session.session.hooks["response"].append(record)

    storage = conn.block_storage
    check_endpoint(storage)

    prefix = "sdk-" + uuid.uuid4().hex[:8]
    created = []
    for i in range(count):
        name = "%s-%02d" % (prefix, i)
        backup = storage.create_backup(volume_id=VOLUME_ID, snapshot_id=str(uuid.uuid4()), name=name,
                                       description="openstacksdk %d" % i)
        if not backup.id or backup.name != name:
            fail("create_backup answered %s" % backup.to_dict())
        created.append(backup)
    for backup in created:
        storage.wait_for_status(backup, status="available", failures=["error"], interval=0.2, wait=30)
    ids = {b.id for b in created}
    print("created %d backups: %s" % (len(created), " ".join(sorted(ids))), flush=True)

    got = storage.get_backup(created[0].id)
    if (got.id, got.name, got.volume_id, got.status) != (created[0].id, created[0].name, VOLUME_ID, "available") \
            or not got.snapshot_id:
        fail("get_backup answered %s" % got.to_dict())
    print("get %s %s %s" % (got.id, got.name, got.status), flush=True)

    seen = [b.id for b in storage.backups(details=True, limit=page_size)]
    if sorted(seen) != sorted(ids):
        fail("listing saw %d ids (%d distinct), expected the %d created" % (len(seen), len(set(seen)), len(ids)))
    markers = [q["marker"][0] for q in list_requests if "marker" in q]
    if len(list_requests) < 2 or len(markers) != len(list_requests) - 1:
        fail("the SDK did not page: requests %s" % list_requests)
    print("listed %d backups in %d requests of limit %d" % (len(seen), len(list_requests), page_size), flush=True)

    for backup in created:
        storage.delete_backup(backup, ignore_missing=False)
    for backup in created:
        storage.wait_for_delete(backup, interval=0.2, wait=30)
    left = [b.id for b in storage.backups() if b.id in ids]
    if left:
        fail("still listed after delete: %s" % left)
    print("deleted %d backups" % len(created), flush=True)
    print("OK openstacksdk", flush=True)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except sdk_exceptions.SDKException as e:
        fail("%s: %s" % (type(e).__name__, e))
