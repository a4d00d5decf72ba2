const PATHS = {
  home: "M3 10.5 10 4l7 6.5V17a1 1 0 0 1-1 1h-4v-5H8v5H4a1 1 0 0 1-1-1z",
  cube: "M10 2 3 6v8l7 4 7-4V6zm0 2.2L14.8 7 10 9.7 5.2 7zM5 8.7l4 2.3v4.6l-4-2.3zm6 6.9V11l4-2.3v4.6z",
  shield: "M10 2 4 4.5v5c0 3.9 2.6 7.1 6 8.5 3.4-1.4 6-4.6 6-8.5v-5zm-1 11.4-3-3 1.4-1.4L9 10.6l3.6-3.6L14 8.4z",
  users: "M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm6 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1 16c0-3 2.7-5 6-5s6 2 6 5v1H1zm13 1v-1c0-1.6-.6-3-1.7-4 .2 0 .5-.1.7-.1 2.8 0 5 1.8 5 4.1v1z",
  chart: "M3 17h14v1.5H3zM4 10h2.5v6H4zm4.5-4H11v10H8.5zM13 2h2.5v14H13z",
  sliders: "M3 5h8v1.5H3zm11 0h3v1.5h-3zM12 3.5h1.5v4.5H12zM3 13.5h3v1.5H3zm6 0h8v1.5H9zM7 12h1.5v4.5H7z",
  inbox: "M3 4h14l1 7v5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-5zm1.6 1.5L3.9 10H7l1 2h4l1-2h3.1l-.7-4.5z",
  seal: "M10 1.5 12 3.5h3v3l2 2-2 2v3h-3l-2 2-2-2H5v-3l-2-2 2-2v-3h3zm-1 11 5-5-1.2-1.2L9 10.1 7.2 8.3 6 9.5z",
  folder: "M2 5a1 1 0 0 1 1-1h5l2 2h7a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z",
  bolt: "M11.5 1.5 3.5 11h5.5l-1 7.5 8-9.5h-5.5z",
  bell: "M10 2a5 5 0 0 0-5 5v3.6L3.5 13v1.5h13V13L15 10.6V7a5 5 0 0 0-5-5zM8 16a2 2 0 0 0 4 0z",
  menu: "M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z",
  close: "M5.1 4 10 8.9 14.9 4 16 5.1 11.1 10l4.9 4.9-1.1 1.1-4.9-4.9L5.1 16 4 14.9 8.9 10 4 5.1z",
  key: "M13 2a5 5 0 0 0-4.8 6.4L2 14.6V18h3.4v-2h2v-2h2l1.2-1.2A5 5 0 1 0 13 2zm1.5 5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z",
} as const;

export const ICONS = PATHS;

export function Icon({ name, className = "h-4 w-4" }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} fill="currentColor" aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
