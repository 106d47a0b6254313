import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'one-server',
  title: 'One server, file sessions',
  summary: 'A Laravel app on a single server keeps every session on its own disk — and everything works.',
  objectives: [
    'Know where the file driver keeps a session and how the browser points to it.',
    'See that the session lives on one particular disk, which is fine for one server.',
  ],
  start: { seed: 1, nodes: 1, driver: 'file', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'it-works',
      title: 'Everything works',
      narration: `
Meet the app: a Laravel shop on **one server**, \`node-1\`, behind nginx. Thirty simulated
people open the login page, sign in, read pages, add things to their cart and sometimes log out.

With \`SESSION_DRIVER=file\` Laravel keeps each session in a file on the server's own disk,
\`storage/framework/sessions/<id>\`. (\`file\` was the default up to Laravel 10; the 11 and 12
skeletons default to \`database\`, but \`file\` is still what many apps run with.)

The id is 40 random letters and digits. The browser carries it in the **\`laravel_session\`**
cookie (\`laravel-session\` in apps made from the laravel/laravel 12.3+ skeleton). Laravel encrypts that cookie
with a fresh random IV on every response, so its value looks different each time even though the
id inside is the same.

Each request reads the session once at the start and writes the whole of it back at the end.
With one server, the file is always exactly where the next request looks for it.
`,
      ask: { text: 'Nothing to change yet: run the simulation and watch the outcomes stay green.' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0 },
          { metric: 'outcomes.csrf_mismatch', op: '==', value: 0 },
          { metric: 'outcomes.ok', op: '>', value: 100 },
        ],
      },
      startsMet: true,
      hints: ['Look at the outcome counters: "logged out" and "419 Page Expired" stay at zero.'],
      quiz: {
        question: 'With the file driver, where is a logged-in user\'s session?',
        choices: [
          { text: 'In a file on the disk of the server that handled the request', correct: true, explanation: 'Right: `storage/framework/sessions/<id>` on that server.' },
          { text: 'In the `laravel_session` cookie', correct: false, explanation: 'The cookie only carries the (encrypted) session id. Keeping the data in the cookie is what the `cookie` driver does.' },
          { text: 'In Redis', correct: false, explanation: 'Only with `SESSION_DRIVER=redis` — that comes in lesson 3.' },
        ],
      },
      solution: {},
      runSec: 90,
    },
    {
      id: 'replace-the-server',
      title: 'The session lives on that disk',
      narration: `
One server works because every request finds its session file on the same disk. That disk is
also the weak spot. A **restart** keeps it, so the files survive. But if the instance is
**replaced** — an autoscaler swaps it, or you deploy by building fresh servers — the new disk
starts empty.

Replace \`node-1\` and watch. While the new instance boots, nginx has nobody to send requests to
and answers **502 Bad Gateway**. Then people come back with a session id the new server has
never seen. Laravel does not complain about an unknown id: it quietly starts an empty session
under it, and the user is simply **logged out**.
`,
      ask: { text: 'Once most users are logged in (filled dots in the crowd), replace node-1 with a fresh instance (not a restart).', action: 'replace', node: 'node-1' },
      goal: { metric: 'logouts', op: '>', value: 0, window: { after: 'replace:node-1', forSec: 60 } },
      hints: [
        "Use node-1's **Replace** action.",
        'A restart keeps the disk, so nobody would be logged out by it.',
      ],
      solution: { actions: ['45:replace:node-1'] },
      runSec: 120,
    },
  ],
});
