/**
 * Each command's own help, cut from its group's help: the group's first line names the group,
 * its "Usage:" block has one `  klarmeld <group> <command> …` line per command (continued on
 * more-indented lines), and what follows the block (options, notes) applies to every command.
 * One text stays the source, so a command's help cannot drift from its group's.
 */
export function subcommandHelps(groupHelp: string, group: string): Record<string, string> {
  const lines = groupHelp.split('\n');
  const usage = lines.findIndex((line) => line.startsWith('Usage:'));
  if (usage < 0) return {};
  const end = lines.findIndex((line, i) => i > usage && line.trim() === '');
  const block = lines.slice(usage + 1, end < 0 ? undefined : end);
  const after = end < 0 ? '' : lines.slice(end).join('\n');
  const prefix = `  klarmeld ${group} `;
  const byCommand = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of block) {
    if (line.startsWith(prefix)) {
      const command = line.slice(prefix.length).split(/\s/)[0]!;
      current = byCommand.get(command) ?? [];
      byCommand.set(command, current);
      current.push(line);
    } else if (current && /^\s{3,}\S/.test(line)) current.push(line);
  }
  return Object.fromEntries(
    [...byCommand].map(([command, usageLines]) => [
      command,
      `klarmeld ${group} ${command}\n\nUsage:\n${usageLines.join('\n')}\n${after}`,
    ]),
  );
}
