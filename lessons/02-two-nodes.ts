import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'two-nodes',
  title: 'Two servers: the logout problem',
  summary: 'Add a second server behind a round-robin load balancer and watch users get logged out and hit "419 Page Expired".',
  objectives: [
    'Explain why a user gets logged out when the next request lands on another server.',
    'Explain the 419 Page Expired on the login form.',
    'See that adding servers makes it worse, not better.',
  ],
  start: { seed: 1, nodes: 1, driver: 'file', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'add-a-node',
      title: 'A second server',
      narration: `
Traffic grows, so you add \`node-2\` to the nginx upstream. nginx's default is **round robin**:
each request goes to the next server in turn.

But each server has **its own** \`storage/framework/sessions\`. Someone logs in on \`node-1\`;
their next click lands on \`node-2\`, which has no file for their session id. Laravel starts an
empty session under that id, the user is a guest again, and the page redirects them to
\`/login\`. Nobody clicked "log out".

The login form itself fails too. \`GET /login\` on \`node-1\` puts the session's CSRF token
(\`_token\`) into the form; the \`POST /login\` goes to \`node-2\`, which starts a fresh session
with a **different** token. The tokens don't match: \`TokenMismatchException\`, shown as
**419 Page Expired**. Some people can't even log in.
`,
      ask: { text: 'Add a second node (2 nodes).', setting: 'nodes', to: 2 },
      goal: {
        all: [
          { metric: 'logouts', op: '>', value: 0, label: 'Users get logged out' },
          { metric: 'outcomes.csrf_mismatch', op: '>', value: 0, label: 'Forms fail with 419 Page Expired' },
        ],
      },
      hints: ['Set the number of nodes to 2 and keep the round-robin balancer.'],
      quiz: {
        question: 'Why does the login form answer 419 Page Expired?',
        choices: [
          { text: 'The POST reached the other server, which had no session with the token that was in the form', correct: true, explanation: 'Yes. The unknown session starts empty with a new `_token`, so the submitted token cannot match.' },
          { text: 'The user waited too long before submitting', correct: false, explanation: 'That also gives a 419 once the session expires (after `SESSION_LIFETIME`, 120 minutes by default) — but here it happens within seconds.' },
          { text: 'nginx strips the CSRF token', correct: false, explanation: 'nginx passes the form through untouched; the mismatch is between the two servers\' session stores.' },
        ],
      },
      solution: { settings: { nodes: 2 } },
      runSec: 120,
    },
    {
      id: 'more-nodes',
      title: 'More servers, more logouts',
      narration: `
Traffic keeps growing, so you scale out to four servers. Surely more servers help?

Not here. A login only works when the \`POST /login\` lands on the server that rendered the form:
with two servers that is one time in two, with four it is one time in four. So more people are
stuck on **419 Page Expired**, and fewer even get as far as being logged in (which is why the
*logout* count can go down while everything gets worse). Adding servers — the usual answer to
load — makes the problem **worse**.

Another *spreading* algorithm won't save you: \`least_conn\` moves requests between servers just
the same. There are two ways out. The balancer can stop spreading a user — pin each one to a
server (lesson 4: \`ip_hash\`, a sticky cookie), which works until that server goes away — or
the state can leave the servers (lesson 3: a shared store), which survives a server going away.
`,
      ask: { text: 'Scale out to 4 nodes.', setting: 'nodes', to: 4 },
      goal: { metric: 'outcomes.csrf_mismatch', per: 'requests', op: '>', value: 0.2, label: 'More than 20% of requests end in 419 Page Expired' },
      hints: ['Set the number of nodes to 4.'],
      solution: { settings: { nodes: 4 } },
      runSec: 120,
    },
  ],
});
