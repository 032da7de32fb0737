/// The report's one stylesheet, inline: fonts the reader already has, no
/// remote file, and an A4 layout when printed.
enum ReportStyle {
    static let css = Markup.trusted(
        """

        :root { color-scheme: light; --ink: #1d2329; --muted: #5b6670; --line: #d9dee3; --soft: #f4f6f8; --alert: #D55E00; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        header { border-bottom: 3px solid var(--ink); padding-bottom: 8px; margin-bottom: 8px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        p { margin: 4px 0 8px; }
        .period { font-size: 17px; font-weight: 600; margin: 0; }
        .provenance, .note, .before, footer { color: var(--muted); font-size: 13px; }
        .lead { color: var(--muted); }
        .glance { margin: 10px 0 0; padding: 8px 14px; background: #eef6f3; border-left: 4px solid #009E73; }
        .glance ul { margin: 4px 0 0; padding-left: 20px; }
        .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
        .figure { background: var(--soft); border-radius: 6px; padding: 10px 14px; }
        .figure.wide { grid-column: 1 / -1; }
        .figure .label { font-size: 13px; color: var(--muted); }
        .figure .value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .rates { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 28px; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
        svg.chart text { fill: var(--ink); }
        .gaps { border-left: 4px solid var(--alert); background: #fdf0e8; padding: 8px 12px; margin: 8px 0; }
        .gaps ul { margin: 4px 0 0; padding-left: 20px; }
        .ok { color: #006b4f; }
        .empty { font-style: italic; color: var(--muted); }
        table.flags { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.flags th, table.flags td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
        table.flags th { background: var(--soft); }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 800px) { .figures, .pair { grid-template-columns: 1fr 1fr; } .pair { display: block; } }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; }
          .figure, tr, svg.chart { break-inside: avoid; }
          .figures { grid-template-columns: repeat(4, 1fr); }
          .figure { border: 1px solid var(--line); }
        }

        """)
}
