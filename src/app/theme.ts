// Light and dark themes: follow the system unless the reader picked one (saved in localStorage).
type Theme = "system" | "light" | "dark";
const ORDER: Theme[] = ["system", "light", "dark"];
const ICONS: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

function saved(): Theme {
  try {
    const t = localStorage.getItem("theme");
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}

function apply(theme: Theme, button: HTMLButtonElement): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = ICONS[theme];
  button.setAttribute("aria-label", `Theme: ${theme} (click to change)`);
  button.title = `Theme: ${theme}`;
}

/** Wires the header's theme button: system → light → dark → system. */
export function setupTheme(button: HTMLButtonElement): void {
  let theme = saved();
  apply(theme, button);
  button.addEventListener("click", () => {
    theme = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
    try {
      if (theme === "system") localStorage.removeItem("theme");
      else localStorage.setItem("theme", theme);
    } catch {
      // Storage may be full or blocked; the theme still applies for this visit.
    }
    apply(theme, button);
  });
}
