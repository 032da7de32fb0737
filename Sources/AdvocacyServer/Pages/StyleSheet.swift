/// The pages' one style sheet, served at `/assets/advocacy.css` (the
/// Content-Security-Policy allows styles from this server only). Colours
/// keep a contrast of at least 4.5:1 (WCAG AA) and the focus ring shows.
enum StyleSheet {
    static let css = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --accent: #0b5cad; --line: #c9d1db; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
        header, main { max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; border-bottom: 1px solid var(--line); }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
        a { color: var(--accent); }
        a[aria-current="page"] { font-weight: 700; text-decoration: none; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem; }
        .who, .language { margin: 0; color: var(--muted); }
        .dev-banner { margin: 0; padding: 0.5rem 1rem; background: #7a1f00; color: #fff; font-weight: 700; }
        .error { padding: 0.75rem; border-left: 4px solid #a4000f; background: #fdecee; color: #5c0009; }
        .notice { padding: 0.75rem; border-left: 4px solid #1d6b2f; background: #e9f6ec; color: #0f3d1a; }
        .field { display: flex; flex-direction: column; margin: 0 0 0.75rem; max-width: 40rem; }
        .field label { font-weight: 600; }
        .field.wide { max-width: none; }
        textarea { font-family: ui-monospace, monospace; font-size: 0.9rem; width: 100%; }
        .hint { color: var(--muted); font-size: 0.9rem; }
        fieldset.proposals { max-width: none; }
        fieldset { border: 1px solid var(--line); margin: 0 0 0.75rem; max-width: 40rem; }
        input, select, button, textarea { font: inherit; padding: 0.35rem 0.5rem; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        td form { display: inline; }
        td .inline { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; }
        td .field { margin: 0 0 0.25rem; }
        td .field label { font-weight: 400; font-size: 0.85rem; }
        td .field input { width: 5.5rem; padding: 0.15rem 0.3rem; }
        pre { white-space: pre-wrap; background: #f4f6f8; padding: 0.75rem; overflow-x: auto; }
        .inline { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
        """
}
