export const THEME_STORAGE_KEY = "syncline-theme";

/**
 * Runs in <head> before the first paint, so a dark-theme user never sees a white flash.
 * Kept as a string because it must run before React loads.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||((t===null||t==="system")&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
