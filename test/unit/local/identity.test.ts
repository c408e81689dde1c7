// Who a script sees: Google hides the editor's email from simple triggers unless they own
// the script (consumer accounts) or share its Workspace domain.
import { afterAll, describe, expect, it } from "vitest";
import { removeScripts, scriptRuntime } from "./script";

afterAll(removeScripts);

const CODE = `
var seen = [];
function who(e) {
  return {
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
    event: e && e.user ? e.user.getEmail() : null,
    key: Session.getTemporaryActiveUserKey(),
  };
}
function onEdit(e) { seen.push(Object.assign({ via: "simple" }, who(e))); }
function onOpen(e) { seen.push(Object.assign({ via: "open" }, who(e))); }
function installedEdit(e) { seen.push(Object.assign({ via: "installable" }, who(e))); }
function install() {
  ScriptApp.newTrigger("installedEdit").forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function fromDialog() { return who(null); }
`;

type Seen = { via: string; active: string; effective: string; event: string | null; key: string };

describe("identity in simple triggers", () => {
  it("hides a consumer account's email from onEdit and onOpen unless it owns the script", async () => {
    const rt = await scriptRuntime(CODE, { user: "owner@gmail.example" });
    rt.edit("Sheet1", "A1", "by the owner");
    rt.setUser("clerk@gmail.example");
    rt.edit("Sheet1", "A2", "by a clerk");
    rt.open();
    const seen = rt.context.seen as Seen[];
    expect(seen.map(({ via, active, effective, event }) => [via, active, effective, event])).toEqual([
      ["simple", "owner@gmail.example", "owner@gmail.example", "owner@gmail.example"],
      ["simple", "", "", ""],
      ["open", "", "", ""],
    ]);
  });

  it("shows the email to installable triggers and to dialog calls", async () => {
    const rt = await scriptRuntime(CODE, { user: "owner@gmail.example" });
    rt.run("install");
    rt.setUser("clerk@gmail.example");
    rt.edit("Sheet1", "A1", "typed");
    const installed = (rt.context.seen as Seen[]).find((s) => s.via === "installable");
    // The installable trigger runs as its owner; its event names the editor.
    expect(installed?.active).toBe("owner@gmail.example");
    expect(installed?.event).toBe("clerk@gmail.example");
    expect((rt.callFromDialog("fromDialog") as Seen).active).toBe("clerk@gmail.example");
  });

  it("shows a Workspace domain's users to simple triggers, not outsiders", async () => {
    const rt = await scriptRuntime(CODE, { user: "desk@greenwood.example", account: "workspace" });
    rt.setUser("clerk@greenwood.example");
    rt.edit("Sheet1", "A1", "colleague");
    rt.setUser("contractor@gmail.example");
    rt.edit("Sheet1", "A2", "outsider");
    expect((rt.context.seen as Seen[]).map((s) => s.active)).toEqual(["clerk@greenwood.example", ""]);
  });

  it("honours an owner other than the first user", async () => {
    const rt = await scriptRuntime(CODE, { user: "clerk@gmail.example", owner: "owner@gmail.example" });
    rt.edit("Sheet1", "A1", "x");
    expect((rt.context.seen as Seen[])[0]?.active).toBe("");
  });

  it("gives each user a temporary key that is stable, distinct and not their email", async () => {
    const rt = await scriptRuntime(CODE, { user: "owner@gmail.example" });
    rt.setUser("clerk@gmail.example");
    rt.edit("Sheet1", "A1", "one");
    rt.edit("Sheet1", "A2", "two");
    rt.setUser("other@gmail.example");
    rt.edit("Sheet1", "A3", "three");
    const [first, second, third] = (rt.context.seen as Seen[]).map((s) => s.key);
    expect(first).toBe(second);
    expect(first).not.toBe(third);
    expect(first).toBe(rt.temporaryUserKey("clerk@gmail.example"));
    for (const encoding of ["base64", "base64url", "hex"] as const)
      expect(Buffer.from(first ?? "", encoding).toString("utf8")).not.toContain("clerk");
    expect(first).not.toContain(Buffer.from("clerk@gmail.example").toString("base64").slice(0, 8));
  });
});
