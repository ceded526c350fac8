import { lintTexts } from '@wglint/engine';
import { it } from 'vitest';
it('smoke', () => {
  const files = {
    'etc/sysctl.d/99-wg.conf': 'net.ipv4.ip_foward = 1\nnet.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.wg0.rp_filter = 0\nnet.ipv4.ip_local_port_range = 60000 50000\nnet.ipv4.ip_local_reserved_ports = 51820, 51821\nnet.ipv6.conf.all.forwarding = 1\nnet.ipv4.ip_forward = 2 # on\n',
    'etc/sysctl.d/10-a.conf': 'net.ipv4.conf.all.rp_filter = 2\n',
    'etc/wireguard/wg0.conf': '[Interface]\nPrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=\nAddress = 10.0.0.1/24\nPostUp = ip rule add fwmark 1 table vpn; ip route add 10.8.0.1/24 dev %i; ip route add default dev %i\nPostDown = ip rule del fwmark 1 table vpn\n',
  };
  for (const d of lintTexts(files)) process.stdout.write(`${d.ruleId} ${d.file} ${JSON.stringify(files[d.file as keyof typeof files].slice(d.range.start, d.range.end))} :: ${d.message}\n`);
});
