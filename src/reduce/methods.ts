// NDArray method forms of the reductions (`a.sum({axis: 0})`, `a.mean()`...),
// added to the prototype here so ndarray.ts stays free of them; imported for
// its side effect by the package entry. The nan* functions and ptp have no
// method form, as in NumPy 2.
import { NDArray } from '../ndarray/ndarray.js';
import { type ArgOptions, argmax, argmin } from './arg.js';
import { type CumulativeOptions, cumprod, cumsum } from './cumulative.js';
import { all, any, type LogicalOptions } from './logical.js';
import { type MinMaxOptions, max, min } from './minmax.js';
import { type MeanOptions, mean, std, type VarOptions, variance } from './stats.js';
import { type ProdOptions, prod, type SumOptions, sum } from './sum.js';

declare module '../ndarray/ndarray.js' {
  interface NDArray {
    /** `sum(this, options)`. */
    sum(options?: SumOptions): NDArray;
    /** `prod(this, options)`. */
    prod(options?: ProdOptions): NDArray;
    /** `mean(this, options)`. */
    mean(options?: MeanOptions): NDArray;
    /** `var(this, options)`. */
    var(options?: VarOptions): NDArray;
    /** `std(this, options)`. */
    std(options?: VarOptions): NDArray;
    /** `min(this, options)`. */
    min(options?: MinMaxOptions): NDArray;
    /** `max(this, options)`. */
    max(options?: MinMaxOptions): NDArray;
    /** `argmin(this, options)`. */
    argmin(options?: ArgOptions): NDArray;
    /** `argmax(this, options)`. */
    argmax(options?: ArgOptions): NDArray;
    /** `any(this, options)`. */
    any(options?: LogicalOptions): NDArray;
    /** `all(this, options)`. */
    all(options?: LogicalOptions): NDArray;
    /** `cumsum(this, options)`. */
    cumsum(options?: CumulativeOptions): NDArray;
    /** `cumprod(this, options)`. */
    cumprod(options?: CumulativeOptions): NDArray;
  }
}

type Reduction<O> = (a: unknown, options?: O) => NDArray;

function method<O>(fn: Reduction<O>) {
  return function (this: NDArray, options?: O): NDArray {
    return fn(this, options);
  };
}

const proto = NDArray.prototype;
proto.sum = method(sum);
proto.prod = method(prod);
proto.mean = method(mean);
proto.var = method(variance);
proto.std = method(std);
proto.min = method(min);
proto.max = method(max);
proto.argmin = method(argmin);
proto.argmax = method(argmax);
proto.any = method(any);
proto.all = method(all);
proto.cumsum = method(cumsum);
proto.cumprod = method(cumprod);
