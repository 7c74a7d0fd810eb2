// One opencc-js loader (server/src/opencc.ts): the core's term converter and the conversion commands share it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { converterBuilds, converterTo, openccConverter } from '../../server/src/opencc';

describe('opencc: one loader, one converter per target', () => {
  it('builds nothing until asked, then the core and the commands share the → cn converter', () => {
    assert.equal(converterBuilds(), 0);
    assert.equal(openccConverter.toSimplified('網上沙龍，裡面'), '网上沙龙，里面');
    assert.equal(converterBuilds(), 1);
    assert.equal(converterTo('cn')('國務院'), '国务院');
    assert.equal(openccConverter.toSimplified('發展'), '发展');
    assert.equal(converterBuilds(), 1, 'the core and the command share one converter');
    assert.equal(converterTo('tw')('发展'), '發展');
    assert.equal(converterBuilds(), 2);
  });
});
