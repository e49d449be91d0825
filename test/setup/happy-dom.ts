// happy-dom 21 computes an input's step mismatch as `value % step !== 0` in floating point, so
// 1 % 0.1 makes a valid Inputs.range({ step: 0.1 }) invalid and its value undefined. Browsers compare
// (value - min) / step with a tolerance; so does this patch, for tests that run in happy-dom only.
if (typeof window !== "undefined" && "happyDOM" in window && typeof ValidityState === "function") {
  Object.defineProperty(ValidityState.prototype, "stepMismatch", {
    configurable: true,
    get(this: { element: HTMLInputElement }) {
      const input = this.element;
      if (input.localName !== "input" || (input.type !== "number" && input.type !== "range")) return false;
      if (input.value === "") return false;
      const attr = input.getAttribute("step");
      if (attr === "any") return false;
      const step = attr === null ? 1 : Number(attr);
      if (!(step > 0)) return false;
      const base = Number(input.getAttribute("min") ?? 0) || 0;
      const q = (Number(input.value) - base) / step;
      return Math.abs(q - Math.round(q)) > 1e-7;
    },
  });
}
