// Command vbsclient drives the service's Keystone-compatible sign-in and Cinder v3 backups API with gophercloud,
// the Go SDK user tools are built on (Debian's golang-github-gophercloud-gophercloud-dev 0.12.0).
//
// It signs in twice with openstack.AuthenticatedClient and a token:
//   - with a project scope (TokenID + Scope{ProjectID}): gophercloud exchanges the token, POST <auth_url>/auth/tokens;
//   - with the token alone (TokenID only): gophercloud validates it, GET <auth_url>/auth/tokens.
//
// Then, on the block-storage v3 client (openstack.NewBlockStorageV3, catalog type volumev3) of each, it creates
// -count backups (volume_id and snapshot_id), waits until they are available, gets one, lists them in pages of
// -page following the backups_links next links (every id exactly once), lists them again from -offset (a first
// request with offset and limit, then the next links: every backup after the offset exactly once, in the order of
// the whole listing), and deletes them.
//
// What gophercloud 0.12 offers for listing backups (openstack/blockstorage/extensions/backups): List(client,
// ListOpts) on the summary list (GET <endpoint>/backups, not backups/detail: each Backup has only ID and Name);
// ListOpts with AllTenants, Name, Status, TenantID (project_id), VolumeID, Sort ("key:dir"), Limit, Offset and
// Marker, all query parameters; the pager (BackupPage, a LinkedPageBase) follows backups_links rel=next and
// stops at an empty page or a page without a next link.
//
// Settings: flags, else the environment the OpenStack tools read (OS_AUTH_URL, OS_TOKEN, OS_PROJECT_ID,
// OS_REGION_NAME). It prints what it did, ends with "OK gophercloud", and exits 1 with "FAIL: ..." on the first
// thing that goes wrong.
//
// Build offline, in GOPATH mode, against Debian's gophercloud:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off GOCACHE=/tmp/gocache go build -o vbsclient .
package main

import (
	"crypto/rand"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/gophercloud/gophercloud"
	"github.com/gophercloud/gophercloud/openstack"
	"github.com/gophercloud/gophercloud/openstack/blockstorage/extensions/backups"
	"github.com/gophercloud/gophercloud/openstack/identity/v3/tokens"
	"github.com/gophercloud/gophercloud/pagination"
)

const volumeID = "c5834fe1-577f-462e-9bf3-1b158e1dde9c"

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func check(err error, what string) {
	if err != nil {
		// gophercloud's ErrDefault401, ErrDefault404, ... embed ErrUnexpectedResponseCode (method, URL, body).
		var unexpected *gophercloud.ErrUnexpectedResponseCode
		switch e := err.(type) {
		case gophercloud.ErrUnexpectedResponseCode:
			unexpected = &e
		case gophercloud.ErrDefault400:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault401:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault403:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault404:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault405:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault409:
			unexpected = &e.ErrUnexpectedResponseCode
		case gophercloud.ErrDefault500:
			unexpected = &e.ErrUnexpectedResponseCode
		}
		if unexpected != nil {
			fail("%s: %s %s answered %d (expected %v): %s", what, unexpected.Method, unexpected.URL,
				unexpected.Actual, unexpected.Expected, strings.TrimSpace(string(unexpected.Body)))
		}
		fail("%s: %v", what, err)
	}
}

func setting(value *string, env, name string) {
	if *value == "" {
		*value = os.Getenv(env)
	}
	if *value == "" && name != "" {
		fail("no %s: give -%s or set %s", name, name, env)
	}
}

func uuid4() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		fail("random: %v", err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// signIn authenticates and returns the block-storage v3 client, after checking what the token says.
func signIn(how string, opts gophercloud.AuthOptions, projectID, region, microversion string) *gophercloud.ServiceClient {
	provider, err := openstack.AuthenticatedClient(opts)
	check(err, how+": AuthenticatedClient")
	if provider.Token() == "" {
		fail("%s: no token (the answer had no X-Subject-Token header)", how)
	}
	var project *tokens.Project
	var token *tokens.Token
	switch result := provider.GetAuthResult().(type) {
	case tokens.CreateResult:
		project, err = result.ExtractProject()
		check(err, how+": project of the token")
		token, err = result.ExtractToken()
	case tokens.GetResult:
		project, err = result.ExtractProject()
		check(err, how+": project of the token")
		token, err = result.ExtractToken()
	default:
		fail("%s: unexpected auth result %T", how, result)
	}
	check(err, how+": token")
	if project == nil || project.ID != projectID {
		fail("%s: the token is scoped to %+v, not project %s", how, project, projectID)
	}
	if !token.ExpiresAt.After(time.Now()) {
		fail("%s: the token expires at %v", how, token.ExpiresAt)
	}
	client, err := openstack.NewBlockStorageV3(provider, gophercloud.EndpointOpts{Region: region})
	check(err, how+": NewBlockStorageV3")
	if !strings.HasSuffix(client.Endpoint, "/v3/"+projectID+"/") {
		fail("%s: block-storage v3 endpoint %s is not <base>/v3/<project>/", how, client.Endpoint)
	}
	client.Microversion = microversion
	fmt.Printf("signed in (%s): project %s, token expires %s, volumev3 endpoint %s\n", how, project.ID,
		token.ExpiresAt.Format(time.RFC3339), client.Endpoint)
	return client
}

func awaitAvailable(client *gophercloud.ServiceClient, id string) *backups.Backup {
	deadline := time.Now().Add(30 * time.Second)
	for {
		backup, err := backups.Get(client, id).Extract()
		check(err, "get "+id)
		if backup.Status == "available" {
			return backup
		}
		if backup.Status == "error" || time.Now().After(deadline) {
			fail("backup %s is %s, not available (fail_reason %q)", id, backup.Status, backup.FailReason)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func main() {
	authURL := flag.String("auth-url", "", "identity endpoint, <base>/identity/v3 (env OS_AUTH_URL)")
	token := flag.String("token", "", "the token to sign in with (env OS_TOKEN)")
	projectID := flag.String("project", "", "project id (env OS_PROJECT_ID)")
	region := flag.String("region", "", "region of the catalog endpoints (env OS_REGION_NAME); empty: any")
	microversion := flag.String("microversion", "", "block-storage microversion to send; empty: none")
	count := flag.Int("count", 25, "backups to create")
	pageSize := flag.Int("page", 10, "page size (limit) of the listing")
	offset := flag.Int("offset", 7, "offset of the listing from an offset (less than -count)")
	flag.Parse()
	setting(authURL, "OS_AUTH_URL", "auth-url")
	setting(token, "OS_TOKEN", "token")
	setting(projectID, "OS_PROJECT_ID", "project")
	setting(region, "OS_REGION_NAME", "")

	scoped := signIn("token + project scope, POST /auth/tokens", gophercloud.AuthOptions{
		IdentityEndpoint: *authURL, TokenID: *token, Scope: &gophercloud.AuthScope{ProjectID: *projectID},
	}, *projectID, *region, *microversion)
	passthrough := signIn("token alone, GET /auth/tokens", gophercloud.AuthOptions{
		IdentityEndpoint: *authURL, TokenID: *token,
	}, *projectID, *region, *microversion)

	// Create with the scoped client (every second one through the other), check with either.
	prefix := "gc-" + uuid4()[:8]
	created := map[string]string{}
	var ids []string
	for i := 0; i < *count; i++ {
		client := scoped
		if i%2 == 1 {
			client = passthrough
		}
		name := fmt.Sprintf("%s-%02d", prefix, i)
		result := backups.Create(client, backups.CreateOpts{
			VolumeID: volumeID, SnapshotID: uuid4(), Name: name, Description: fmt.Sprintf("gophercloud %d", i),
		})
		backup, err := result.Extract()
		check(err, "create "+name)
		if backup.ID == "" || backup.Name != name {
			fail("create %s answered id %q name %q", name, backup.ID, backup.Name)
		}
		if *microversion != "" {
			if got := result.Header.Get("OpenStack-API-Version"); got != "volume "+*microversion {
				fail("create: sent OpenStack-API-Version: volumev3 %s, the answer says %q", *microversion, got)
			}
		}
		created[backup.ID] = name
		ids = append(ids, backup.ID)
	}
	for _, id := range ids {
		awaitAvailable(scoped, id)
	}
	fmt.Printf("created %d backups, all available\n", len(ids))

	got, err := backups.Get(passthrough, ids[0]).Extract()
	check(err, "get "+ids[0])
	if got.ID != ids[0] || got.Name != created[ids[0]] || got.VolumeID != volumeID || got.SnapshotID == "" ||
		got.Status != "available" || got.CreatedAt.IsZero() || got.UpdatedAt.IsZero() {
		fail("get %s answered %+v", ids[0], got)
	}
	fmt.Printf("get %s: name %s, status %s, snapshot %s, created %s\n", got.ID, got.Name, got.Status, got.SnapshotID,
		got.CreatedAt.Format(time.RFC3339Nano))

	// The listing, page by page: gophercloud follows backups_links rel=next.
	seen := map[string]int{}
	pages := 0
	err = backups.List(passthrough, backups.ListOpts{Limit: *pageSize}).EachPage(func(page pagination.Page) (bool, error) {
		list, err := backups.ExtractBackups(page)
		if err != nil {
			return false, err
		}
		pages++
		if len(list) > *pageSize {
			return false, fmt.Errorf("page %d has %d backups, more than the limit %d", pages, len(list), *pageSize)
		}
		for _, b := range list {
			seen[b.ID]++
		}
		return true, nil
	})
	check(err, "list")
	for id, n := range seen {
		if n != 1 {
			fail("list: backup %s seen %d times", id, n)
		}
		if _, ok := created[id]; !ok {
			fail("list: backup %s was not created here", id)
		}
	}
	if len(seen) != len(ids) {
		fail("list: saw %d of the %d backups created", len(seen), len(ids))
	}
	minPages := (len(ids) + *pageSize - 1) / *pageSize
	if pages < minPages {
		fail("list: %d pages for %d backups in pages of %d", pages, len(ids), *pageSize)
	}
	fmt.Printf("listed %d backups in %d pages of %d, each exactly once\n", len(seen), pages, *pageSize)

	all, err := backups.List(scoped, backups.ListOpts{Limit: *pageSize}).AllPages()
	check(err, "list all pages")
	everything, err := backups.ExtractBackups(all)
	check(err, "extract all pages")
	var allIDs, want []string
	for _, b := range everything {
		allIDs = append(allIDs, b.ID)
	}
	want = append(want, ids...)
	sort.Strings(allIDs)
	sort.Strings(want)
	if strings.Join(allIDs, ",") != strings.Join(want, ",") {
		fail("AllPages: %d backups, not the %d created", len(allIDs), len(want))
	}
	fmt.Printf("AllPages: %d backups\n", len(allIDs))

	// The whole listing in one page (no limit: the service's default, 1000), the order the offset counts in.
	whole, err := backups.List(scoped, backups.ListOpts{}).AllPages()
	check(err, "list in one page")
	ordered, err := backups.ExtractBackups(whole)
	check(err, "extract the one page")
	var order []string
	for _, b := range ordered {
		order = append(order, b.ID)
	}
	var linked []string
	for _, b := range everything {
		linked = append(linked, b.ID)
	}
	if strings.Join(order, ",") != strings.Join(linked, ",") {
		fail("the one-page listing and the listing through next links differ in order:\n%v\n%v", order, linked)
	}
	if *offset >= len(order) {
		fail("-offset %d: only %d backups", *offset, len(order))
	}

	// From the offset: ListOpts.Offset and Limit make the first URL, the pager follows the next links.
	var fromOffset, queries []string
	err = backups.List(passthrough, backups.ListOpts{Offset: *offset, Limit: *pageSize}).EachPage(
		func(page pagination.Page) (bool, error) {
			queries = append(queries, page.(backups.BackupPage).URL.RawQuery)
			list, err := backups.ExtractBackups(page)
			if err != nil {
				return false, err
			}
			if len(list) > *pageSize {
				return false, fmt.Errorf("page %d has %d backups, more than the limit %d", len(queries), len(list), *pageSize)
			}
			for _, b := range list {
				fromOffset = append(fromOffset, b.ID)
			}
			return len(queries) <= len(order), nil
		})
	check(err, "list from an offset")
	if !strings.Contains("&"+queries[0]+"&", "&offset="+fmt.Sprint(*offset)+"&") {
		fail("list from an offset: the first request was ?%s", queries[0])
	}
	if strings.Join(fromOffset, ",") != strings.Join(order[*offset:], ",") {
		fail("list from offset %d (requests %v): got %d backups\n%v\nexpected the %d after the offset, in order\n%v",
			*offset, queries, len(fromOffset), fromOffset, len(order)-*offset, order[*offset:])
	}
	fmt.Printf("requests from the offset: ?%s\n", strings.Join(queries, " then ?"))
	fmt.Printf("listed from offset %d: %d backups in %d pages of %d, in order, each exactly once\n", *offset,
		len(fromOffset), len(queries), *pageSize)

	for _, id := range ids {
		check(backups.Delete(passthrough, id).ExtractErr(), "delete "+id)
	}
	for _, id := range ids {
		backup, err := backups.Get(scoped, id).Extract()
		if err == nil && backup.Status != "deleting" {
			fail("backup %s is %s after its delete", id, backup.Status)
		}
		if _, notFound := err.(gophercloud.ErrDefault404); err != nil && !notFound {
			check(err, "get after delete "+id)
		}
	}
	left, err := backups.List(scoped, nil).AllPages()
	check(err, "list after delete")
	remaining, err := backups.ExtractBackups(left)
	check(err, "extract after delete")
	for _, b := range remaining {
		if _, ok := created[b.ID]; ok {
			fail("backup %s is still listed after its delete", b.ID)
		}
	}
	fmt.Printf("deleted %d backups\n", len(ids))
	fmt.Println("OK gophercloud")
}
