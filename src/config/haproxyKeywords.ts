/** Proxy-section keywords HAProxy knows (cfgparse-listen.c's common list plus registered ones). */

export const PROXY_KEYWORDS = [
  'acl', 'backlog', 'balance', 'bind', 'capture', 'compression', 'cookie', 'default-server', 'default_backend',
  'description', 'disabled', 'dispatch', 'dynamic-cookie-key', 'email-alert', 'enabled', 'errorfile', 'errorfiles',
  'errorloc', 'errorloc302', 'errorloc303', 'error-log-format', 'filter', 'force-persist', 'fullconn', 'guid', 'hash-balance-factor',
  'hash-type', 'http-after-response', 'http-check', 'http-error', 'http-request', 'http-response', 'http-reuse',
  'http-send-name-header', 'id', 'ignore-persist', 'load-server-state-from-file', 'log', 'log-format', 'log-format-sd',
  'log-tag', 'max-keep-alive-queue', 'max-session-srv-conns', 'maxconn', 'mode', 'monitor', 'monitor-uri', 'no', 'option',
  'persist', 'rate-limit', 'redirect', 'retries', 'retry-on', 'server', 'server-state-file-name', 'server-template',
  'source', 'stats', 'stick', 'stick-table', 'tcp-check', 'tcp-request', 'tcp-response', 'timeout', 'unique-id-format',
  'unique-id-header', 'use-server', 'use_backend', 'external-check',
];

/** Only meaningful in a section with the frontend capability: HAProxy warns and ignores them in a backend. */
export const FRONTEND_ONLY = new Set(['bind', 'default_backend', 'use_backend', 'capture', 'monitor-uri', 'backlog']);

export const OPTIONS = [
  'abortonclose', 'accept-invalid-http-request', 'accept-invalid-http-response', 'accept-unsafe-violations-in-http-request',
  'accept-unsafe-violations-in-http-response', 'allbackups', 'checkcache', 'clitcpka', 'contstats', 'disable-h2-upgrade',
  'dontlog-normal', 'dontlognull', 'external-check', 'forwardfor', 'forwarded', 'h1-case-adjust-bogus-client',
  'h1-case-adjust-bogus-server', 'http-buffer-request', 'http-drop-request-trailers', 'http-drop-response-trailers',
  'http-ignore-probes', 'http-keep-alive', 'http-no-delay', 'http-pretend-keepalive', 'http-restrict-req-hdr-names',
  'http-server-close', 'http-use-proxy-header', 'httpchk', 'httpclose', 'httplog', 'httpslog', 'idle-close-on-response',
  'independent-streams', 'ldap-check', 'log-health-checks', 'log-separate-errors', 'logasap', 'mysql-check', 'nolinger',
  'originalto', 'original-to', 'persist', 'pgsql-check', 'prefer-last-server', 'redis-check', 'redispatch', 'smtpchk',
  'socket-stats', 'splice-auto', 'splice-request', 'splice-response', 'spop-check', 'srvtcpka', 'ssl-hello-chk',
  'tcp-check', 'tcp-smart-accept', 'tcp-smart-connect', 'tcpka', 'tcplog', 'transparent',
];

/** Real `balance` algorithms the simulator does not model. */
export const UNMODELLED_BALANCE = /^(static-rr|first|uri|url_param|hdr\(|random|rdp-cookie|hash|log-hash|sticky)/;

export const BALANCE_ONLY_SUPPORTS =
  "'balance' only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.";

export const COOKIE_OPTIONS_0 = new Set(['rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', 'preserve', 'httponly', 'secure', 'dynamic']);
export const COOKIE_OPTIONS_1 = new Set(['domain', 'maxidle', 'maxlife', 'attr']);
export const COOKIE_SUPPORTS =
  "'cookie' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', 'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options.";
