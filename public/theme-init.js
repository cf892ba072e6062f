// Runs before the page paints (a blocking classic script in <head>), so a
// reader who chose a theme never sees the other one flash. Without it, the
// page follows the system's light/dark preference.
try {
  var theme = localStorage.getItem("hmf-theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch (error) {
  // Storage can be disabled; the system preference applies.
}
