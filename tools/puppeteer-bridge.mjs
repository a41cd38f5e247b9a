// Drives Firefox for the Python tests (tools/firefox.py): Puppeteer over WebDriver BiDi.
// One request per line on stdin, {id, op, args}; one reply per line on stdout, {id, value} or
// {id, error}, the first line unprompted: {ready: version}. Controls are found by their
// role and accessible name through Puppeteer's ::-p-aria() selector, which asks the browser's
// accessibility tree (so a hidden page's controls never match).
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, timeoutMs] = [process.argv[2], Number(process.argv[3])];
const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true });
let context = null;
let page = null;
let problems = null;

const named = (role, name) => page.locator(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`)
  .setTimeout(timeoutMs);
const waitFor = async (predicate, ...args) => {
  await page.waitForFunction(predicate, { timeout: timeoutMs }, ...args);
};

const OPS = {
  // A fresh browser context (its own storage) for each test, guarded like the Chromium tests':
  // a request outside `root`, or an error in the page, is recorded and reported by close.
  async open({ url, root }) {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    problems = [];
    page.on("request", (request) => {
      const address = request.url();
      if (!address.startsWith(root) && !/^(data|blob):/.test(address)) problems.push(`request outside: ${address}`);
    });
    page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
  },
  async close() {
    await context.close();
    return problems;
  },
  click: ({ role, name }) => named(role, name).click(),
  // (A click on the code editor, taller than the window, does not reach it over BiDi.)
  focus: async ({ role, name }) => (await named(role, name).waitHandle()).focus(),
  scrollTo: async ({ role, name }) => (await named(role, name).waitHandle()).scrollIntoView(),
  // Puppeteer's fill picks the option of a <select>, and replaces the text of an input.
  fill: ({ role, name, text }) => named(role, name).fill(text),
  async press({ keys }) {
    const held = keys.split("+");
    const key = held.pop();
    for (const modifier of held) await page.keyboard.down(modifier);
    await page.keyboard.press(key);
    for (const modifier of held.reverse()) await page.keyboard.up(modifier);
  },
  type: ({ text }) => page.keyboard.type(text),
  async expectText({ role, name, text }) {
    const element = await named(role, name).waitHandle();
    await waitFor((shown, wanted) => shown.textContent.includes(wanted), element, text);
  },
  expectLabel: ({ start, text }) => waitFor((prefix, wanted) => [...document.querySelectorAll("[aria-label]")]
    .some((element) => element.checkVisibility() && element.getAttribute("aria-label").startsWith(prefix)
      && element.getAttribute("aria-label").includes(wanted)), start, text),
  waitForText: ({ text }) => waitFor((wanted) => document.body.innerText.includes(wanted), text),
  call: ({ method, args }) => page.evaluate((m, a) => globalThis.mathFundamentals.call(m, a), method, args),
  // A measurement by the page's own clock (tools/benchmark_engines.py): an expression whose value is awaited.
  measure: ({ expression }) => page.evaluate(expression),
};

const reply = (message) => process.stdout.write(JSON.stringify(message) + "\n");
reply({ ready: await browser.version() });
for await (const line of createInterface({ input: process.stdin })) {
  const { id, op, args } = JSON.parse(line);
  try {
    reply({ id, value: (await OPS[op](args)) ?? null });
  } catch (error) {
    reply({ id, error: String(error?.message || error) });
  }
}
await browser.close();
