import http from 'node:http';

/** A GET with a Host header fetch() will not let us forge, as a DNS-rebinding page would send. */
export function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}
