// End-to-end test of leaklaw serve's web interface in headless Chromium
// (Debian's /usr/bin/chromium, driven by playwright-core): create a case
// through the interview, see its verdicts, flip a fact and see a verdict
// change, open the matrix of profiles and the State-practice page, open a
// library case. Screenshots go to the directory given as the third
// argument. The page must make no request outside the server.
// Usage: node ui.test.mjs LEAKLAW ROOT SHOTDIR
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import path from "node:path";

const [leaklaw, root, shots] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const fails = [];
const check = (ok, what) => { if (!ok) { fails.push(what); console.log("FAIL " + what); } };

const freePort = () => new Promise((res) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
});
const db = path.join(fs.mkdtempSync(path.join(shots, "db-")), "leaklaw.db");
/* The server is up when its first line on stderr says it listens (a
   connection alone could reach another test's server on a port taken
   between freePort and the bind); "cannot listen": try another port. */
const startServer = (port) => new Promise((res) => {
  const child = spawn(leaklaw, ["--db", db, "serve", "--listen", "127.0.0.1:" + port],
    { cwd: root, stdio: ["ignore", "inherit", "pipe"] });
  let err = "", done = false;
  const settle = (ok) => { if (!done) { done = true; res(ok ? child : null); } };
  const timer = setTimeout(() => { child.kill(); settle(false); }, 30000);
  child.stderr.on("data", (d) => {
    err += d;
    process.stderr.write(d);
    if (err.includes("serving on")) { clearTimeout(timer); settle(true); }
  });
  child.on("exit", () => { clearTimeout(timer); settle(false); });
});
let port = 0, server = null;
for (let i = 0; i < 5 && server === null; i++) {
  port = await freePort();
  server = await startServer(port);
}
if (server === null) {
  console.log("FAIL the server did not start");
  process.exit(1);
}
const base = "http://127.0.0.1:" + port;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:")) outside.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const verdict = (lens) => page.locator('#verdicts [data-lens="' + lens + '"] strong').textContent();
  /* Controls a screen reader would announce without a name: no aria-label,
     no aria-labelledby, no <label> for them or around them, no title, no
     text (a button). Not a screen reader, but what it needs of the page. */
  const unnamed = () => page.evaluate(() => Array.from(document.querySelectorAll(
    "input:not([type=hidden]), select, textarea, button")).filter((e) => {
    const text = (x) => (x && x.textContent || "").trim();
    const byId = (e.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
      .map((id) => text(document.getElementById(id))).join("");
    const label = e.id ? text(document.querySelector('label[for="' + CSS.escape(e.id) + '"]')) : "";
    return !((e.getAttribute("aria-label") || "").trim() || byId || label || text(e.closest("label")) ||
      (e.getAttribute("title") || "").trim() || (e.tagName === "BUTTON" && text(e)));
  }).map((e) => e.outerHTML.slice(0, 80)));
  const named = async (where) => {
    const missing = await unnamed();
    check(missing.length === 0, where + ": every control has an accessible name (" + missing.join("; ") + ")");
  };

  // 1. A new case through the interview, by keyboard-reachable controls.
  await page.goto(base + "/#/new");
  await page.waitForSelector("#verdicts");
  check(await verdict("leak-norm") === "undetermined", "an empty case is undetermined");
  const choose = (id, v) => page.selectOption("#" + id, v);
  await choose("f_actor_kind", "state-organ");
  await page.fill("#f_actor_state", "RU");
  await choose("f_actor_attribution_confidence", "high");
  await choose("f_actor_attribution_basis", ["third-government", "indictment"]);
  await page.check("#f_actor_attribution_basis_known");
  await page.fill("#f_victim_state", "US");
  await choose("f_victim_target", "campaign");
  await choose("f_access_0_method", "phishing");
  await choose("f_disclosure_status", "published");
  await choose("f_disclosure_authenticity", "authentic");
  await choose("f_disclosure_concealed_origin", "true");
  await choose("f_disclosure_amplified", "true");
  await choose("f_content_kinds", ["private-political"]);
  await page.check("#f_content_kinds_known");
  await choose("f_content_public_interest", "none");
  await choose("f_context_process", "election");
  await choose("f_purpose_kinds", ["influence-election", "disclose"]);
  await page.check("#f_purpose_kinds_known");
  await page.waitForFunction(() => document.querySelector('#verdicts [data-lens="leak-norm"] strong')
    .textContent === "breach", null, { timeout: 10000 }).catch(() => {});
  const before = await verdict("leak-norm");
  check(before === "breach", "the interview case breaches the leak norm (got " + before + ")");
  await page.screenshot({ path: path.join(shots, "1-interview.png"), fullPage: true });
  await named("the interview and assessment");

  // 1b. Save it to the store; it is then listed.
  await page.fill("#cid", "e2e-interview");
  await page.fill("#ctitle", "Interview case made by the browser test");
  await page.click("#save");
  await page.waitForFunction(() => document.getElementById("saved").textContent.startsWith("saved"),
    null, { timeout: 10000 }).catch(() => {});
  check((await page.locator("#saved").textContent()) === "saved as e2e-interview", "the interview case is saved");

  // 2. Flip a fact: nothing was disclosed after all.
  await choose("f_disclosure_status", "none");
  await page.waitForFunction(() => document.querySelector('#verdicts [data-lens="leak-norm"] strong')
    .textContent !== "breach", null, { timeout: 10000 }).catch(() => {});
  const after = await verdict("leak-norm");
  check(after === "not-applicable", "flipping the disclosure changes the leak norm (got " + after + ")");
  const said = await page.locator('#announce[role="status"]').textContent();
  check(said.includes("Proposed norm against intrusions for leaking (de lege ferenda): not-applicable"),
    "the status region tells a screen reader the new verdicts (" + said + ")");
  check(await page.locator("#result[aria-live], #main[aria-live]").count() === 0,
    "the whole view is not a live region (it would be read out on every change)");
  await page.screenshot({ path: path.join(shots, "2-flipped.png"), fullPage: true });

  // 2b. The element tree: a branch per lens, opened and closed by keyboard.
  check(await page.locator("#tree > li[data-lens] > details[open]").count() === 3,
    "the element tree has an open branch per lens");
  const branch = page.locator('#tree li[data-lens="classic"] details details').first();
  const opened = async () => branch.evaluate((d) => d.open);
  check(!(await opened()), "an element's branch starts closed");
  await branch.locator("summary").first().focus();
  await page.keyboard.press("Enter");
  check(await opened(), "Enter on an element opens its rules");
  check(await branch.locator("li .cites").count() >= 1, "an element's rules show their citations");

  // 3. The matrix of verdicts under every profile.
  const rows = await page.locator("#profiles tr").count();
  check(rows >= 3, "the profile matrix lists the profiles (" + rows + " rows)");
  check(await page.locator("#profiles td", { hasText: "new-zealand-2020" }).count() === 1,
    "New Zealand's profile in the matrix");

  // 4. The saved case is in the list; a library case opens with its verdicts.
  await page.goto(base + "/#/");
  await page.waitForSelector("#list table");
  check(await page.locator("text=Interview case made by the browser test").count() === 1,
    "the saved case is listed");
  await named("the case list");
  await page.fill("#q", "DNC");
  await page.click("text=DNC hack-and-leak");
  await page.waitForSelector("#verdicts");
  check(await verdict("intervention2") === "breach", "the DNC case opens with its verdicts");
  await page.screenshot({ path: path.join(shots, "3-dnc.png"), fullPage: true });

  // 5. State practice.
  await page.goto(base + "/#/practice");
  await page.waitForSelector("#matrix");
  const parties = await page.locator("#matrix tr").count();
  check(parties > 25, "the practice matrix lists the positions (" + parties + " rows)");
  check(await page.locator("#timeline circle").count() > 25, "the practice timeline marks the positions");
  await page.screenshot({ path: path.join(shots, "4-practice.png"), fullPage: true });
  await named("the practice page");

  // 6. The verification desk: a signed message verifies under its key.
  await page.goto(base + "/#/mail");
  await page.setInputFiles("#mfiles", path.join(root, "tests/resources/mail/mailauth/signed.eml"));
  await page.fill("#mkeys", fs.readFileSync(path.join(root, "tests/resources/mail/keys/rfc8463.keys"), "utf8"));
  await page.fill("#mat", "2018-06-10");
  await page.click("#mverify");
  await page.waitForSelector("#mailout table", { timeout: 10000 }).catch(() => {});
  check((await page.locator("#mailout").textContent()).includes("verified"), "the desk verifies a signed message");
  await page.screenshot({ path: path.join(shots, "5-mail.png"), fullPage: true });
  await named("the verification desk");

  check(outside.length === 0, "no request outside the server: " + outside.join(", "));
  check(errors.length === 0, "no script error: " + errors.join("; "));
} finally {
  await browser.close();
  if (server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await gone;
  }
  fs.rmSync(path.dirname(db), { recursive: true, force: true }); /* the store of this run */
}
console.log(fails.length + " failures");
process.exit(fails.length ? 1 : 0);
