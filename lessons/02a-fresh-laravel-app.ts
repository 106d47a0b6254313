import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'fresh-laravel-app',
  title: 'Your fresh Laravel 12 app already fails in a cluster',
  summary: 'Laravel 11 and 12 store sessions in the database — on the skeleton\'s SQLite file, one per server. Scale out and it fails like the file driver; a shared MySQL does not (and has failure modes of its own).',
  objectives: [
    'Know the 11/12 default: SESSION_DRIVER=database on DB_CONNECTION=sqlite.',
    'See the per-server SQLite file fail in a cluster exactly like the file driver.',
    'See a shared database server fix it, and what happens when that server goes down.',
  ],
  start: { seed: 1, nodes: 1, driver: 'database', dbConnection: 'sqlite', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'fresh-app-scaled-out',
      title: 'The defaults, on two servers',
      narration: `
\`laravel new shop\` on Laravel 11 or 12 gives you a \`.env\` with

\`\`\`dotenv
DB_CONNECTION=sqlite
SESSION_DRIVER=database
\`\`\`

Sessions are rows in a \`sessions\` table (the skeleton's first migration creates it), and the
database is \`database/database.sqlite\` — a **file in the app directory, on each server's own
disk**. On one server that is fine. Deploy the same app to a second server and each server has
its own SQLite file, its own \`sessions\` table. A user logged in on \`node-1\` has no row on
\`node-2\`: logged out, and forms answer **419 Page Expired** — lesson 2 again, with a database
instead of files. Nothing in the driver's name warns you.
`,
      ask: { text: 'Add a second node (2 nodes).', setting: 'nodes', to: 2 },
      goal: {
        all: [
          { metric: 'logouts', op: '>', value: 0, label: 'Users get logged out' },
          { metric: 'outcomes.csrf_mismatch', op: '>', value: 0, label: 'Forms fail with 419 Page Expired' },
        ],
      },
      hints: ['Set the number of nodes to 2.'],
      quiz: {
        question: 'Why does SESSION_DRIVER=database fail here although it is "a database"?',
        choices: [
          { text: 'DB_CONNECTION=sqlite is a file on each server, so each server has its own sessions table', correct: true, explanation: 'Yes. The driver is only as shared as the database behind it.' },
          { text: 'The database driver does not support more than one server', correct: false, explanation: 'It does, on a database every server reaches — a MySQL or PostgreSQL server.' },
          { text: 'SQLite is too slow for sessions', correct: false, explanation: 'Speed is not the problem here; where the file lives is.' },
        ],
      },
      solution: { settings: { nodes: 2 } },
      runSec: 120,
    },
    {
      id: 'shared-database',
      title: 'One database server for everyone',
      narration: `
Point every server at **one** database server: \`DB_CONNECTION=mysql\` with the same \`DB_HOST\`
on every server (and \`php artisan migrate\` once, for the \`sessions\` table). Now any server reads
any user's row: nobody is logged out.

One difference from Redis: a row has no TTL. \`read()\` ignores a row whose \`last_activity\` is
older than \`SESSION_LIFETIME\` — but leaves it in the table. Only the session **lottery**
(\`[2, 100]\`: on 2 requests in 100, \`gc()\` runs \`delete from sessions where last_activity <= …\`)
removes expired rows. Turn the lottery off (*Failure lab* → *Session lottery* → off, with a short
\`SESSION_LIFETIME\`) and the table only grows: the lab counts its *expired rows*.
`,
      ask: { text: 'Switch DB_CONNECTION to mysql (one shared server).', setting: 'dbConnection', to: 'mysql' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0, label: 'Nobody is logged out' },
          { metric: 'outcomes.csrf_mismatch', op: '==', value: 0, label: 'No 419s' },
        ],
      },
      hints: ['In the **Failure lab**, set DB_CONNECTION to mysql.'],
      quiz: {
        question: 'What deletes an expired session row in the database driver?',
        choices: [
          { text: 'The session lottery: gc() on about 2 requests in 100', correct: true, explanation: 'Yes. Until it runs, expired rows stay (reads just ignore them).' },
          { text: 'The database expires rows by itself', correct: false, explanation: 'MySQL has no per-row TTL; that is a Redis feature (SETEX).' },
          { text: 'Laravel deletes the row when the user closes the browser', correct: false, explanation: 'The server never learns that the browser was closed.' },
        ],
      },
      solution: { settings: { dbConnection: 'mysql' } },
      runSec: 120,
    },
    {
      id: 'database-down',
      title: 'The shared database goes down',
      narration: `
The shared server is now a single point of failure, as Redis will be in lesson 6. Stop it: every
request starts by reading its session row, the query fails (\`QueryException\`), and the user gets
a **500** until the server is back. Nobody is logged out by it — the rows are still there.
`,
      ask: { text: 'Take the database server down.', action: 'db-down' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'db-down', forSec: 20 }, label: 'Requests fail with 500' },
          { metric: 'logouts', op: '==', value: 0, label: 'Nobody is logged out' },
        ],
      },
      hints: ['In the **Failure lab**, press “Database down”.'],
      solution: { actions: ['30:db-down'] },
      runSec: 90,
    },
  ],
});
