import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'sticky-sessions',
  title: 'Sticky sessions: ip_hash versus a cookie',
  summary: 'Pin each user to one server instead of sharing the state — and find where ip_hash breaks and a sticky cookie holds.',
  objectives: [
    'Make the file driver work on two servers with ip_hash.',
    'See a changing mobile IP break ip_hash, and an office NAT pile everyone onto one server.',
    'Know why hashing on the laravel_session cookie gives no affinity, and what sticky cookie srv_id does.',
  ],
  start: { seed: 1, nodes: 2, driver: 'file', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'ip-hash',
      title: 'ip_hash: same address, same server',
      narration: `
Instead of sharing the sessions, you can make sure each user always reaches the server that has
theirs. nginx's \`ip_hash\` picks the server from the client's IP address:

\`\`\`nginx
upstream laravel_cluster {
    ip_hash;
    server node1.internal:80;
    server node2.internal:80;
}
\`\`\`

For IPv4 it hashes only the **first three octets**, so a whole \`/24\` lands on the same server.
Keep the \`file\` driver and switch the balancer: the logouts stop.
`,
      ask: { text: 'Switch the load balancer to ip_hash.', setting: 'balancer', to: 'ip-hash' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0 },
          { metric: 'outcomes.csrf_mismatch', op: '==', value: 0 },
          { metric: 'outcomes.ok', op: '>', value: 100 },
        ],
      },
      hints: ['Choose the ip-hash balancer; keep the file driver.'],
      solution: { settings: { balancer: 'ip-hash' } },
      runSec: 120,
    },
    {
      id: 'mobile-users',
      title: 'A phone changes its address',
      narration: `
\`ip_hash\` assumes a user keeps their address. Phones on a carrier network don't: they move
between Wi-Fi and the mobile network, and a carrier NAT usually keeps one public address per
subscriber only until the next switch or reconnect — then the address, often the \`/24\` too,
changes. A new address can hash to the other server, where the session file isn't. (The
simulator's phones switch every few minutes on average, so a short run shows it.)
`,
      ask: { text: 'Make the users mobile clients whose IP address changes.', setting: 'clients', to: 'mobile' },
      goal: { metric: 'logouts', op: '>', value: 0, label: 'Mobile users get logged out' },
      hints: ['Set the client population to mobile. Address changes take a few minutes, so let it run.'],
      solution: { settings: { clients: 'mobile' } },
      runSec: 300,
    },
    {
      id: 'office-nat',
      title: 'Everyone behind one office NAT',
      narration: `
The opposite problem: a whole office reaches you through **one** NAT address. To \`ip_hash\`
they are all the same client, so they all land on the same server — the other one idles while
this one takes every request. Adding servers doesn't spread them out either.
`,
      ask: { text: 'Put all users behind one office NAT address.', setting: 'clients', to: 'office-nat' },
      goal: { metric: 'busiestNodeShare', op: '>=', value: 0.99, label: 'One server takes (almost) all the requests' },
      hints: ['Set the client population to office-nat.'],
      solution: { settings: { clients: 'office-nat' } },
      runSec: 120,
    },
    {
      id: 'hash-the-session-cookie',
      title: 'Hashing the session cookie does not stick',
      narration: `
Why not hash on the session cookie instead of the address — \`hash $cookie_laravel_session
consistent;\`? Because Laravel **encrypts** its cookies with a fresh random IV on every response:
the value of \`laravel_session\` changes with every page, so its hash changes too, and each
request lands wherever the new value happens to hash. That's no affinity at all.

(And with the laravel/laravel 12.3+ skeleton's \`laravel-session\` you couldn't even write it: nginx variable
names only allow letters, digits and \`_\`.)
`,
      ask: { text: 'Switch the balancer to hash $cookie_laravel_session consistent.', setting: 'balancer', to: 'hash-cookie' },
      goal: { metric: 'logouts', op: '>', value: 0, label: 'Users get logged out again' },
      hints: ['Choose the hash-cookie balancer.'],
      solution: { settings: { balancer: 'hash-cookie' } },
      runSec: 120,
    },
    {
      id: 'sticky-cookie',
      title: 'A cookie from the load balancer',
      narration: `
Let the load balancer set **its own** cookie, naming the server it picked:

\`\`\`nginx
upstream laravel_cluster {
    sticky cookie srv_id expires=1h domain=.example.com path=/;
    server node1.internal:80;
    server node2.internal:80;
}
\`\`\`

A new visitor is balanced normally; the response carries \`srv_id\`, which names the server it
picked: with \`route=\` on the server line the value **is** that route string; without it, the
**MD5 of the resolved \`ip:port\`** (e.g. of \`10.0.0.11:80\`, not of the name
\`node1.internal:80\`). Every later request with that cookie goes to the same server. Addresses don't matter any more: the office is spread across both servers, and
a phone that changes address keeps its cookie.

Check your nginx before you copy this: \`sticky\` was an NGINX Plus feature until open-source
nginx **1.29.6** (March 2026, stable 1.30). Older distribution packages don't have it. HAProxy's
equivalent is \`cookie SERVERID insert indirect nocache\` with \`cookie s1\` on each server.
`,
      ask: { text: 'Switch the balancer to sticky cookie srv_id.', setting: 'balancer', to: 'cookie' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0 },
          { metric: 'busiestNodeShare', op: '<=', value: 0.7, label: "The busiest server's share of requests" },
        ],
      },
      hints: ['Choose the cookie (sticky cookie srv_id) balancer; keep the office NAT clients.'],
      quiz: {
        question: 'What is in the srv_id cookie nginx sets?',
        choices: [
          { text: 'The chosen server\'s route= value if it has one, else the MD5 of its resolved ip:port', correct: true, explanation: 'Yes — nginx\'s `ngx_http_upstream_create_sid` hashes the address the name resolved to (e.g. `10.0.0.11:80`), not the name `node1.internal:80`; with `route=` the cookie carries the route string as it is.' },
          { text: 'The Laravel session id', correct: false, explanation: 'nginx never looks inside the Laravel session; the cookies are independent.' },
          { text: 'The client\'s IP address', correct: false, explanation: 'Then it would break for mobile users just like ip_hash.' },
        ],
      },
      solution: { settings: { balancer: 'cookie' } },
      runSec: 120,
    },
  ],
});
