import { describe, expect, it } from 'vitest';
import { weakPasswordReason } from './password';

describe('password strength', () => {
  it.each(['aaaaaaaa', 'Passw0rd!', 'zaq1@WSX', 'Password1!', 'Warszawa2024', 'qwertyuiop'])('refuses %s', (password) => {
    expect(weakPasswordReason(password)).not.toBeNull();
  });

  it.each(['zielony rower nad Wisłoką', 'Agora-demo-2026!', 'szumiąca Wisłoka pod Golesz', 'kawa-Tygrys-dziewięć-Żuraw'])('accepts %s', (password) => {
    expect(weakPasswordReason(password)).toBeNull();
  });

});
