import { coriolisParameter, divideByCoriolis } from './coriolis';
import { VelocityGradient } from './east-north';
import { kineticEnergy } from './kinetic-energy';
import { okuboWeiss } from './okubo-weiss';
import { normalStrain, shearStrain, totalStrain } from './strain';
import { relativeVorticity } from './vorticity';

function gradient(dudE: number[], dudN: number[], dvdE: number[], dvdN: number[]): VelocityGradient {
  return { dudE: Float64Array.from(dudE), dudN: Float64Array.from(dudN), dvdE: Float64Array.from(dvdE), dvdN: Float64Array.from(dvdN) };
}

describe('fields from the velocity gradient', () => {
  // Point 0: solid-body rotation u = -w y, v = w x (w = 1e-5); point 1: pure normal strain u = s x, v = -s y;
  // point 2: pure shear u = s y, v = s x; point 3: a NaN derivative.
  const w = 1e-5;
  const s = 2e-5;
  const grad = gradient([0, s, 0, NaN], [-w, 0, s, 0], [w, 0, s, 0], [0, -s, 0, 0]);

  it('relative vorticity is dv/de - du/dn', () => {
    expect(Array.from(relativeVorticity(grad))).toEqual([2 * w, 0, 0, 0]);
  });

  it('normal, shear and total strain', () => {
    expect(Array.from(normalStrain(grad))).toEqual([0, 2 * s, 0, NaN]);
    expect(Array.from(shearStrain(grad))).toEqual([0, 0, 2 * s, 0]);
    expect(Array.from(totalStrain(grad))).toEqual([0, 2 * s, 2 * s, NaN]);
  });

  it('Okubo-Weiss is negative for rotation, positive for strain, NaN with a NaN derivative', () => {
    const ow = okuboWeiss(grad);
    expect(ow[0]).toBeCloseTo(-4 * w * w, 25);
    expect(ow[1]).toBeCloseTo(4 * s * s, 25);
    expect(ow[2]).toBeCloseTo(4 * s * s, 25);
    expect(Number.isNaN(ow[3])).toBe(true);
  });

  it('kinetic energy is (u^2 + v^2)/2, NaN with NaN, empty for empty', () => {
    expect(Array.from(kineticEnergy([3, NaN], [4, 0]))).toEqual([12.5, NaN]);
    expect(kineticEnergy([], []).length).toBe(0);
    expect(() => kineticEnergy([1], [1, 2])).toThrow(RangeError);
  });

  it('f = 2 Omega sin(lat), and division by it', () => {
    expect(coriolisParameter(90)).toBeCloseTo(2 * 7.2921159e-5, 15);
    expect(coriolisParameter(-30)).toBeCloseTo(-7.2921159e-5, 15);
    expect(Array.from(divideByCoriolis([7.2921159e-5, NaN], [30, 30])).map(x => Math.round(x * 1e12) / 1e12)).toEqual([1, NaN]);
    expect(() => divideByCoriolis([1, 2], [30])).toThrow(RangeError);
  });
});
