import { describe, expect, it } from 'vitest';
import { parseRelayAddress } from './relay-address';

describe('parseRelayAddress', () => {
  it('keeps only the origin of an http or https address', () => {
    expect(parseRelayAddress('https://dongbo.example.vn')).toEqual({
      ok: true,
      value: 'https://dongbo.example.vn',
    });
    expect(parseRelayAddress('  https://dongbo.example.vn/  ')).toEqual({
      ok: true,
      value: 'https://dongbo.example.vn',
    });
    expect(parseRelayAddress('HTTPS://DongBo.Example.VN:443/')).toEqual({
      ok: true,
      value: 'https://dongbo.example.vn',
    });
    expect(parseRelayAddress('http://192.168.1.20:8080')).toEqual({
      ok: true,
      value: 'http://192.168.1.20:8080',
    });
    expect(parseRelayAddress('http://[::1]:8080/')).toEqual({ ok: true, value: 'http://[::1]:8080' });
  });

  it('asks for an address when nothing was typed', () => {
    expect(parseRelayAddress('')).toEqual({ ok: false, error: 'required' });
    expect(parseRelayAddress('   ')).toEqual({ ok: false, error: 'required' });
  });

  it('refuses text that is not a full address', () => {
    for (const text of ['dongbo.example.vn', '/sync', 'https://dong bo.vn', 'https://', 'http://:8080']) {
      expect(parseRelayAddress(text), text).toEqual({ ok: false, error: 'notAddress' });
    }
  });

  it('refuses other kinds of address than http and https', () => {
    for (const text of [
      'wss://dongbo.example.vn',
      'ftp://dongbo.example.vn',
      'localhost:8080',
      'file:///tmp',
    ]) {
      expect(parseRelayAddress(text), text).toEqual({ ok: false, error: 'scheme' });
    }
  });

  it('refuses a user name or password in the address', () => {
    expect(parseRelayAddress('https://hoa@dongbo.example.vn')).toEqual({ ok: false, error: 'credentials' });
    expect(parseRelayAddress('https://hoa:matkhau@dongbo.example.vn')).toEqual({
      ok: false,
      error: 'credentials',
    });
  });

  it('refuses anything after the server name: a path, a query, a fragment', () => {
    for (const text of [
      'https://dongbo.example.vn/sync',
      'https://dongbo.example.vn/club/abc',
      'https://dongbo.example.vn//',
      'https://dongbo.example.vn/?k=1',
      'https://dongbo.example.vn?',
      'https://dongbo.example.vn/#join',
      'https://dongbo.example.vn#',
    ]) {
      expect(parseRelayAddress(text), text).toEqual({ ok: false, error: 'extra' });
    }
  });
});
