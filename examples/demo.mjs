// `npm start`: the configuration and a small worked example on the built package.
import * as nb from 'ndblas';
import { showConfig } from 'ndblas/config';

showConfig();
console.log();

const t = nb.arange(10 * 9 * 8).reshape([10, 9, 8]);
const mat = t.slice(':', ':', 0);
console.log('t = arange(720).reshape(10, 9, 8); mat = t[:, :, 0]');
console.log('mat.shape   =', mat.shape, ' mat.strides =', mat.strides, '(bytes, no copy)');
console.log('mat[::-1, 0] =', mat.slice('::-1', 0).toArray().join(' '));
console.log('float16(0.1) =', nb.array([0.1], { dtype: 'float16' }).item(0));
console.log(
  `buffers are ${nb.array([1]).buffer.constructor.name}s: shared with workers, no dispose()`,
);
