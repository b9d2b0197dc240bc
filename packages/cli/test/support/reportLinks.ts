/** Every `id` attribute of a page, in order. */
export const ids = (page: string): string[] =>
  [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] as string);

/** One `href` of a report page and whether it names a page of the report and an id in it. */
export interface ReportLink {
  readonly page: string;
  readonly href: string;
  readonly resolved: boolean;
}

/** Checks every link of a report (file name → HTML) against the report's own pages and ids. */
export function internalLinks(files: Readonly<Record<string, string>>): ReportLink[] {
  return Object.entries(files).flatMap(([page, text]) =>
    [...text.matchAll(/\shref="([^"]*)"/g)].map((m) => {
      const href = (m[1] as string).replaceAll("&amp;", "&");
      const [file, fragment] = href.split("#") as [string, string | undefined];
      const target = file === "" ? page : file;
      const html = files[target];
      const resolved =
        html !== undefined && (fragment === undefined || ids(html).includes(fragment));
      return { page, href, resolved };
    }),
  );
}
