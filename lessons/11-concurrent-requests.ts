import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'concurrent-requests',
  title: 'Two requests, one session',
  summary: 'Parallel requests of one user overwrite each other\'s session changes. Laravel\'s ->block() serialises them — at a price in latency.',
  objectives: [
    'Explain why two concurrent requests of one user lose a session update (last write wins).',
    'Fix it with ->block() and Laravel\'s session:<id> lock, and see what it costs.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40 },
  steps: [
    {
      id: 'parallel-requests',
      title: 'Add to cart, four at a time',
      narration: `
Sessions are in Redis and nobody is logged out. Now the shop page fires several "add to cart"
requests at once — AJAX calls, a second tab.

Laravel's \`StartSession\` middleware reads the session **once**, at the start of a request, and
at the end \`save()\` writes the **whole** session back, changed or not. Two requests of the same
user start with the same cart; each adds its item to its own copy; the one that finishes last
writes its copy over the other's. One item is gone. Nobody is logged out, no error is shown:
the cart is just wrong. The simulator counts these as **lost updates**.

Redis does nothing wrong here, and neither does the load balancer: the same happens on a single
server.
`,
      ask: { text: 'Set the parallel requests per click to 4.', setting: 'concurrency', to: 4 },
      goal: { metric: 'outcomes.lost_update', op: '>', value: 0, label: 'Cart items are lost (last write wins)' },
      hints: ['Open the **Failure lab** and set “Parallel requests per action” to 4.'],
      quiz: {
        question: 'Two requests of one user each add an item to the cart at the same time. What ends up in Redis?',
        choices: [
          { text: 'The cart as the request that finished last saw it: one item is missing', correct: true, explanation: 'Yes: each request writes back the whole session it read at its start.' },
          { text: 'Both items: Redis merges the writes', correct: false, explanation: 'SETEX replaces the whole value; Redis knows nothing about carts.' },
          { text: 'An error: Redis refuses concurrent writes', correct: false, explanation: 'Redis runs commands one after the other and accepts both.' },
        ],
      },
      solution: { settings: { concurrency: 4 } },
      runSec: 120,
    },
    {
      id: 'session-block',
      title: '->block(): one request at a time',
      narration: `
Laravel has an answer: **session blocking**. On the routes that change the session,
\`Route::post('/cart', …)->block($lockSeconds = 10, $waitSeconds = 10)\` makes \`StartSession\` take
a lock called \`session:<id>\` in the cache store before it reads the session, and release it
after saving. A second request of the same user polls the lock every 50 ms until it is free, so it
reads the cart **after** the first one saved it. No update is lost.

The lock must live in a store every server shares — Redis here (next step: check that it does).

The price: requests of one user now wait for each other. Watch the 95th percentile response
time climb. (A request that waits longer than 10 s gets a \`LockTimeoutException\`: a 500.)
`,
      ask: { text: 'Turn on session blocking (->block) on the cart routes.', setting: 'sessionBlock', to: true },
      goal: {
        all: [
          { metric: 'outcomes.lost_update', op: '==', value: 0, label: 'No cart item is lost' },
          { metric: 'latencyMs.p95', op: '>', value: 150, label: 'The price: the 95th percentile response time (ms)' },
        ],
      },
      hints: ['In the **Failure lab**, tick “Session blocking ->block()”.'],
      quiz: {
        question: 'Why should ->block() not go on every route?',
        choices: [
          { text: 'It makes a user\'s requests wait for each other, so pages that only read the session get slower for nothing', correct: true, explanation: 'Yes: put it on the routes that change the session concurrently (cart, checkout), not on every page.' },
          { text: 'It only works with the file driver', correct: false, explanation: 'The opposite: with file or array locks each server locks on its own. It needs a shared store such as Redis.' },
          { text: 'It logs users out', correct: false, explanation: 'It doesn\'t touch authentication; it only orders a user\'s requests.' },
        ],
      },
      solution: { settings: { sessionBlock: true } },
      runSec: 120,
    },
    {
      id: 'lock-store',
      title: 'Where does the lock live?',
      narration: `
Not where the session lives. \`->block()\` takes its lock in \`session.block_store\` if set, else in
the **default cache store**, \`CACHE_STORE\` — which is \`database\` in the 11/12 skeleton (on its
per-server SQLite file) and \`file\` in many older apps. Sessions in Redis and
\`CACHE_STORE=file\`: each server takes the lock in its own \`storage/framework/cache\`. Two
parallel requests of one user on two servers both get "their" lock, both read the same cart,
and the second save throws away the first one's item — with \`->block()\` on, and nothing warns
you.

Put the locks where every server sees them: \`CACHE_STORE=redis\`, or \`'block_store' => 'redis'\`
in \`config/session.php\` (a database store on a shared MySQL works too).
`,
      ask: { text: 'Move the ->block() locks to each node\'s file cache store.', setting: 'blockStore', to: 'file' },
      goal: { metric: 'outcomes.lost_update', op: '>', value: 0, label: 'Cart items are lost again, with ->block() on' },
      hints: ['In the **Failure lab**, set “->block() lock store” to file (each node).'],
      quiz: {
        question: 'Where does Laravel take the ->block() lock when session.block_store is not set?',
        choices: [
          { text: 'In the default cache store (CACHE_STORE)', correct: true, explanation: 'Yes — not in the session driver\'s store. Check CACHE_STORE before you trust ->block() in a cluster.' },
          { text: 'In the session\'s Redis connection', correct: false, explanation: 'Only if the default cache store happens to be that Redis.' },
          { text: 'In PHP memory', correct: false, explanation: 'That would be the array store, which locks nothing across requests.' },
        ],
      },
      solution: { settings: { blockStore: 'file' } },
      runSec: 120,
    },
  ],
});
