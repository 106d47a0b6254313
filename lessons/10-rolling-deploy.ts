import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'rolling-deploy',
  title: 'A rolling deploy',
  summary: 'Ship a release one server at a time: with file sessions the replaced servers forget everyone; with Redis nobody notices, and draining drops no request.',
  objectives: [
    'Explain why a deploy that replaces servers logs out users of file sessions, even with sticky sessions.',
    'Know nginx\'s `drain` (bound users stay) from `down` (everyone re-bound), and which one the deploy uses.',
    'See a rolling deploy with Redis sessions: no logouts, and no request dropped thanks to draining.',
  ],
  start: { seed: 1, nodes: 2, driver: 'file', balancer: 'cookie', users: 40 },
  steps: [
    {
      id: 'deploy-file',
      title: 'Deploy with file sessions',
      narration: `
Sticky sessions keep each user on one server (nginx's \`sticky cookie srv_id\`), so file
sessions work — until you ship a release. A **rolling deploy** takes the servers one at a time:

1. **drain**: mark the server \`down\` in the upstream and let its requests in flight finish;
2. **replace** it with the new release — a new container, a new disk;
3. **boot** it and put it back, then go on with the next server.

Step 2 is the problem: \`storage/framework/sessions\` is on the old disk, and the new server starts
with an empty one. Its users come back with a session id it has never seen: logged out. And while
the server is drained, nginx re-binds its users to the other server "as if new" — which has no
file for them either. (That is what marking a server \`down\` does, and what this deploy — like
most deploy scripts — uses. nginx 1.29.6+ has a gentler \`drain\`: next step.)
`,
      ask: { text: 'Start a rolling deploy.', action: 'deploy' },
      goal: { metric: 'logouts', op: '>', value: 0, window: { after: 'deploy', forSec: 60 }, label: 'The deploy logs users out' },
      hints: ['Open the **Failure lab** and press “Rolling deploy”, then watch the feed.'],
      solution: { actions: ['30:deploy'] },
      runSec: 120,
    },
    {
      id: 'nginx-drain',
      title: 'drain, not down',
      narration: `
nginx 1.29.6 (and NGINX Plus before it) has a \`drain\` server parameter:

\`\`\`nginx
upstream laravel_cluster {
    sticky cookie srv_id expires=1h;
    server node1.internal:80;
    server node2.internal:80 drain;
}
\`\`\`

A draining server takes **only the clients the sticky cookie binds to it**; new visitors go to the
other servers. \`down\` re-binds everyone at once (with file sessions: logged out); \`drain\` lets
node-2's users finish their visit there while node-2 gets no new ones — its sessions age out, and
only then do you take it down. Set node-2 to drain and watch: nobody is logged out. (The cost: you
wait, for as long as the sticky cookie lives, before the server is really free.)
`,
      ask: { text: 'Set node-2 to drain in the nginx upstream.', action: 'nginx-drain', node: 'node-2' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0, window: { after: 'nginx-drain:node-2', forSec: 60 }, label: 'Nobody is logged out while node-2 drains' },
          { metric: 'outcomes.ok', op: '>', value: 0, window: { after: 'nginx-drain:node-2', forSec: 60 }, label: 'Requests go on' },
        ],
      },
      hints: ['Click node-2 on the stage and press “nginx drain”.'],
      quiz: {
        question: 'What is the difference between down and drain for a user bound to node-2 by the sticky cookie?',
        choices: [
          { text: 'down sends them to another server at once; drain keeps them on node-2 and only sends new users elsewhere', correct: true, explanation: 'Yes: with per-server sessions that is the difference between a logout and none.' },
          { text: 'None: both stop all traffic to node-2', correct: false, explanation: 'Only `down` does. `drain` keeps the bound clients.' },
          { text: 'drain also deletes node-2\'s session files', correct: false, explanation: 'nginx knows nothing about session files; it only routes.' },
        ],
      },
      solution: { actions: ['30:nginx-drain:node-2'] },
      runSec: 120,
    },
    {
      id: 'deploy-redis',
      title: 'Deploy with Redis sessions',
      narration: `
Move the sessions to Redis and deploy again (the deploy starts at 30 s). The new servers have
empty disks, but no server holds a session any more: whichever one answers reads it from Redis.
**Nobody is logged out.**

Watch the feed as well: each server is *drained* before it is replaced — marked down so nginx
sends it nothing new, and replaced only once its last request has finished. No request is cut
off halfway, so the deploy costs no 502s either. (Killing a server without draining would cut
off the requests it is working on.)
`,
      events: ['30:deploy'],
      ask: { text: 'Switch the session driver to redis.', setting: 'driver', to: 'redis' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0, window: { after: 'deploy', forSec: 60 }, label: 'Nobody is logged out by the deploy' },
          { metric: 'outcomes.bad_gateway', op: '==', value: 0, window: { after: 'deploy', forSec: 60 }, label: 'No request dropped (502) while servers are replaced' },
          { metric: 'outcomes.server_error', op: '==', value: 0, window: { after: 'deploy', forSec: 60 }, label: 'No 500s' },
        ],
      },
      hints: ['Change the session driver from file to redis.'],
      quiz: {
        question: 'With Redis sessions, do you still need sticky sessions for deploys?',
        choices: [
          { text: 'No: any server can answer any user, so plain round robin works through a deploy too', correct: true, explanation: 'Yes. Stickiness is now only an optimisation, never a requirement.' },
          { text: 'Yes: otherwise users lose their session when their server is replaced', correct: false, explanation: 'The session is in Redis, not on the server being replaced.' },
          { text: 'Yes: draining only works with sticky sessions', correct: false, explanation: 'Draining is about the upstream (no new requests) and the server (finish what it has): it works with any balancing method.' },
        ],
      },
      solution: { settings: { driver: 'redis' } },
      runSec: 120,
    },
  ],
});
