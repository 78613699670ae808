<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BerthGui</name>
    <message>
        <source>Berth, a container workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel to open first: images, containers, volumes, networks, dockerfile, learn, system or settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the first panel has loaded its data, save the window as a PNG and quit (for docs and tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the window in pixels, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: also print the text shown on the panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size wants WIDTHxHEIGHT, e.g. 1280x800, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandStrip</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action in Berth has a command-line equivalent. Run it in a terminal to do the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you do here appears as a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Mirrors tried before Docker Hub when pulling, in order. A nearby mirror makes pulls much faster (for example in mainland China).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries that may be reached over plain HTTP or with an unverified certificate. Registries on 127.0.0.0/8 are always allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private address range of the default bridge network that containers join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers given to containers instead of the host&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How large a container&apos;s log may grow before it is rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many rotated log files are kept per container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many layers are downloaded at once during a pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many layers are uploaded at once during a push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a failed layer download is tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default bridge subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling and pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest a layer may be once decompressed; a bigger one is refused as a likely decompression bomb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerActions</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the stop signal, then SIGKILL if it is still running after its timeout (10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let its processes run again (cgroup freezer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze all its processes (cgroup freezer) without stopping them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGKILL: the processes end at once, without cleaning up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerAttachment</name>
    <message>
        <source>The terminal has no view to show the container in; reopen the container&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container is chosen to attach to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the socket pair to attach through: %1. Close other programs&apos; windows and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from %1&apos;s terminal failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerCopyJob</name>
    <message>
        <source>%1 is not a folder on this computer; choose an existing folder to download into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on this computer; choose a file or folder to upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a socket for the copy (%1); close some programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled; what had arrived by then is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload cancelled; what had arrived by then is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>The helper&apos;s answer for %1 is not a JSON object; run `berth inspect %1` to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>on-failure (at most %n retries)</source>
        <translation>
            <numerusform>on-failure (at most %n retry)</numerusform>
            <numerusform>on-failure (at most %n retries)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written (virtual %2, with its image)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerFilesTab</name>
    <message>
        <source>↑ Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected file or folder to a folder of this computer (berth cp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s own file system (its image and its changes). Volumes and folders mounted into it are not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown; open a folder below or use berth exec %2 ls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download %1 into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a file into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a folder into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerIsolationTab</name>
    <message>
        <source>It sees this computer&apos;s mounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own list of mounts: its image&apos;s files are its /, and this computer&apos;s other mounts are out of sight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It sees every process of this computer (--pid host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own process numbers: it sees only its own processes, the first one as PID 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It shares this computer&apos;s hostname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own hostname: renaming itself does not rename this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It shares this computer&apos;s shared memory and message queues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own shared memory and message queues, out of reach of this computer&apos;s programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It uses this computer&apos;s network interfaces and ports (--network host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own network interfaces, routes and ports; with --network none only a loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It sees the cgroup tree with this computer&apos;s paths; its limits apply all the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own view of the cgroup tree: its cgroup looks like the root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ids are this computer&apos;s: root inside is root here, held back by the capabilities and the filter below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own user ids: root inside maps to an unprivileged user here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPUs (%2 µs of CPU time every %3 µs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2: filter. An allow-list of system calls; the others fail with &quot;operation not permitted&quot; (Docker&apos;s default profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: strict. Only read, write, exit and sigreturn are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: off. Every system call reaches the kernel (--privileged or --security-opt seccomp=unconfined).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container is an ordinary process of this computer that the kernel keeps apart. Below is what the kernel says about %1&apos;s first process right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running (%2). Namespaces, cgroup limits and capabilities belong to running processes, so start it to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its first process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside, the first process sees itself as PID %1 and sees only the container&apos;s processes. This computer knows the same process as PID %2: a pid namespace gives the container its own numbering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID in each namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each namespace gives the container its own copy of one kind of thing. The numbers are the kernel&apos;s identities (inodes in /proc/PID/ns): different from this computer&apos;s means separate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s are read from berth-helper&apos;s own, as PID 1&apos;s cannot be read here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 here and on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 here, %2 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read inside its uts namespace: it has this computer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read inside its uts namespace: the container has a name of its own (--hostname), while this computer keeps its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What it sees mounted, from its /proc/PID/mountinfo: %n mounts, the first its root. This computer has %1 of its own that the container cannot see.</source>
        <translation>
            <numerusform>What it sees mounted, from its /proc/PID/mountinfo: %n mount, its root. This computer has %1 of its own that the container cannot see.</numerusform>
            <numerusform>What it sees mounted, from its /proc/PID/mountinfo: %n mounts, the first its root. This computer has %1 of its own that the container cannot see.</numerusform>
        </translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its processes are in the cgroup %1 (cgroup %2). The kernel counts what they use there and holds them to these limits, whatever they try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory and swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root&apos;s powers come in pieces. Its processes hold %1 of the %2 this computer has (CapEff %3); the rest, such as mounting file systems or loading kernel modules, are gone for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seccomp filter checks each system call before the kernel runs it; no_new_privs stops a program from gaining privileges through setuid files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no_new_privs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: set (--security-opt no-new-privileges). A setuid program runs without gaining its owner&apos;s rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: not set, as Docker leaves it unless run with --security-opt no-new-privileges. A setuid program inside may gain its owner&apos;s rights, within the capabilities above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerListModel</name>
    <message>
        <source> ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerLogModel</name>
    <message>
        <source>Cannot make a pipe for the log of %1: %2. Close some windows or programs and open the tab again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the log of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the log of %1 failed: %2. Open the tab again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerLogsTab</name>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest line in view. Scrolling up stops it; scrolling to the end or ticking it again resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source> (older ones dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the lines shown (only the matching ones while searching).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line contains “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output yet. Lines appear here as the container writes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container has written nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 100 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 1000 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 10000 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerOverviewTab</name>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it was created, started and last stopped, and how its last run ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(killed: out of memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main process (host PID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits and restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set at creation with -m, --cpus, --pids-limit, --restart and --rm; enforced by cgroups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(restarted %n times)</source>
        <translation>
            <numerusform>(restarted %n time)</numerusform>
            <numerusform>(restarted %n times)</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed when it exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this computer is mounted into it: its files live in its own layer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders of this computer and volumes it sees, at the paths it sees them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add up the files it wrote to its own layer (berth ps -s); a container that wrote much takes a while.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerProcessesTab</name>
    <message>
        <source>PIDs here are the host&apos;s: inside the container its first process sees itself as PID 1 in a PID namespace of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refresh every %n second(s)</source>
        <translation>
            <numerusform>Refresh every %n second</numerusform>
            <numerusform>Refresh every %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running (%2), so it has no processes. Start it to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the processes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No process is left in the container.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerShell</name>
    <message>
        <source>A quote in %1 is not closed; close it or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the program to run, for example sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal has no view to show the program in; reopen the container&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open /dev/null for the runtime&apos;s messages: %1. Check that /dev/null exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal went away; reopen the container&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot learn how %1 ended (exec %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerStatsModel</name>
    <message>
        <source>The helper sent no sample for %1; run `berth stats %1` to see what it says.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerStatsTab</name>
    <message>
        <source>/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the container&apos;s cgroup, the kernel&apos;s accounting of everything its processes use. The same numbers as `%1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>● live, every %n second(s)</source>
        <translation>
            <numerusform>● live, every %n second</numerusform>
            <numerusform>● live, every %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not running (%2): nothing is sampled now. The charts keep what it used while it ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running (%2). A stopped container uses no CPU or memory; start it to watch it work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the first samples… CPU use is the change between two of them, so it shows after a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1 CPUs (--cpus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>of %n CPU(s), no limit</source>
        <translation>
            <numerusform>of %n CPU, no limit</numerusform>
            <numerusform>of %n CPUs, no limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>100 % is one CPU kept busy for the whole second; with %n CPU(s) it can reach %1 %.</source>
        <translation>
            <numerusform>100 % is one CPU kept busy for the whole second; with %n CPU it can reach %1 %.</numerusform>
            <numerusform>100 % is one CPU kept busy for the whole second; with %n CPUs it can reach %1 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 limit (-m), %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit: it may use the host&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory its processes hold, without file cache the kernel can drop. Past a limit, the kernel kills a process (OOM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1 (--pids-limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes and threads in the container (PIDS in `berth stats`); the Processes tab lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in, %2 out in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes received and sent each second. It runs with --network none: only its own loopback, so this stays at zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes received and sent each second on its network interfaces (NET I/O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk (block I/O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1  write %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read, %2 written in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes read from and written to disks each second (BLOCK I/O). Writes wait in the page cache first, so they show when the kernel flushes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes read from and written to disks each second (BLOCK I/O). Nothing counted yet: reads served from the page cache never reach a disk, and with cgroup v1 recent kernels count block I/O only on disks that have an I/O limit set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerStatus</name>
    <message>
        <source>Up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerTable</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU · Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (blue; 100 % is one CPU) and memory (purple) over the last 2 minutes, as `berth stats` reads them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerTerminalTab</name>
    <message>
        <source>%1 is paused: its processes are frozen, so no shell can start in it. Unpause it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running (%2). A shell runs among the container&apos;s own processes, so start the container first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the terminal: the program gets a hang-up signal (SIGHUP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Open shell to run %1 in the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shell (exec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run another program in the container, on a terminal of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main process (attach)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the terminal of the container&apos;s own command, started with -t.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop showing it here; the container keeps running. Keys: ctrl-p ctrl-q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached: keys go to the container&apos;s main process; ctrl-p ctrl-q detaches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached, watching only: it was started without -i, so it takes no keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached; %1 keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its main process runs on a terminal (-t): attach to see it and type into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Attach to show the container&apos;s own terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerView</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What `berth inspect %1` prints: Docker&apos;s field names, so tools written for docker inspect read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes started from an image, isolated by namespaces and limited by cgroups. Double-click a container to see its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and start a container from an image (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, image or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list created and exited containers, as `berth ps -a`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No containers yet. Click Run… to start one from an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No container is running. Tick Show stopped to see the %n stopped ones.</source>
        <translation>
            <numerusform>No container is running. Tick Show stopped to see the %n stopped one.</numerusform>
            <numerusform>No container is running. Tick Show stopped to see the %n stopped ones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateVolumeDialog</name>
    <message>
        <source>Create a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A named volume keeps data apart from any container: mount it with -v NAME:/path, and it stays when the container is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. app-data (empty: a generated name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels (one KEY=VALUE a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureCard</name>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>Connecting to Berth&apos;s helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped. It starts again by itself on the next action; click Retry to start it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Berth&apos;s helper %1 on the system bus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Each line is one instruction of the Dockerfile that built the image, newest first. Dimmed lines made no layer: they only changed the image&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDetails</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDetailsView</name>
    <message>
        <source>← Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageJob</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>Type an image name, for example busybox or registry.example.com/team/app:1.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageTable</name>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings. Double-click an image to see its settings, history and layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, tag or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images yet. Click Pull… to download one, for example busybox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images from a .tar archive (Ctrl+O); you can also drop one on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the image to a .tar archive (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a container from this image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IsolationReport</name>
    <message>
        <source>The helper&apos;s answer about %1 is not a JSON object; update Berth so the GUI and the helper match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobItemModel</name>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerExplorer</name>
    <message>
        <source>Layers, base first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer is a set of file changes packed as a tar. Stacked in order, the layers make the container&apos;s file system. A deleted file is recorded as a whiteout (.wh.NAME); an opaque directory (.wh..wh..opq) hides everything the layers below had in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added · %2 modified · %3 deleted · %4 opaque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what this layer changes is listed; grey folders are unchanged and only show where things are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 changes are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opaque: hides the lower layers&apos; contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer changes no file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadDialog</name>
    <message>
        <source>Load images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images from an archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.tar.xz *.tar.bz2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives written by berth save, docker save or podman save, and OCI archives. Layers this computer already has are not stored twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadJob</name>
    <message>
        <source>Choose an image archive to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Load an OCI layout folder from a terminal: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load cancelled; no image was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n image(s) from %1</source>
        <translation>
            <numerusform>Loaded %n image from %1</numerusform>
            <numerusform>Loaded %n images from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth checks the login with the registry, then keeps it for your user only; pulls and pushes to that registry use it. Leave the registry empty for Docker Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.example.com or 127.0.0.1:5000 (empty: Docker Hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password or access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the login with the registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginModel</name>
    <message>
        <source>Type the username and the password (or access token) the registry gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginsSection</name>
    <message>
        <source>Registry logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulls and pushes use these logins for their registry. They are kept by Berth&apos;s helper for your user only, readable only by root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not logged in to any registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Berth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a container starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults from the image&apos;s config; `berth run` options override them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>what the engine and this computer support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine&apos;s settings, like Docker&apos;s daemon.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the versions of the client and the helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not built yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This panel is not built yet in this version of Berth. Nothing on it works today; the commands listed below do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker users know this as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What works today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These berth commands exist now, in a terminal and in the panels beside them:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PruneVolumesDialog</name>
    <message>
        <source>Prune unused volumes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every volume no container uses is deleted with its files, named ones included (%n unused now).</source>
        <translation>
            <numerusform>Every volume no container uses is deleted with its files, named ones included (%n unused now).</numerusform>
            <numerusform>Every volume no container uses is deleted with its files, named ones included (%n unused now).</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous volumes (made by -v /path without a name) that no container uses are deleted with their files. Named volumes stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named volumes too (-a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PtyChannel</name>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: it is not an open descriptor. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: duplicating it failed: %2. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: making it non-blocking failed: %2. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect the terminal: the helper sent no valid file descriptor. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from the terminal failed: %1. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the terminal failed: %1. Close the terminal and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the terminal&apos;s size to %1×%2 failed: %3. Programs may draw for the old size.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image is named [registry/]repository[:tag]. Without a registry it comes from Docker Hub (through your registry mirror, if you set one in Settings); without a tag, :latest is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. linux/arm64 (default: this computer&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PullJob</name>
    <message>
        <source>Using default tag: latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name says where the image goes: registry.example.com/team/app:1.0 goes to registry.example.com; a name without a registry goes to Docker Hub. Log in to the registry first in Settings if it asks for a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushJob</name>
    <message>
        <source>A push needs a name and tag, not a digest: write the target as NAME[:TAG].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveContainerDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deletes the container, its log and every file it changed or wrote outside its volumes. The image and named volumes stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running. Stop it first, or tick Force to kill it (SIGKILL) and remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force: kill it if it is running (rm -f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also remove its anonymous volumes (rm -v)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes the name. The image&apos;s layers are deleted only when no other name or container still uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force (also when the image has other names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveVolumeDialog</name>
    <message>
        <source>Remove volume %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deletes the volume and every file in it. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is used by %2. Remove those containers first (stopping is not enough: a stopped container still holds its volumes), then remove the volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force: no error if it is already gone (-f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Remove this row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Run a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image of this computer, e.g. busybox:latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local images ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the images this computer has (Down arrow in the field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local images yet: type a name (it must be pulled first, on the Images panel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; Berth makes one up when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; e.g. sleep 3600 (empty: the image&apos;s own command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/host/folder:/data  or  volume-name:/data:ro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add volume or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 256m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (never restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on-failure (exit code ≠ 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unless-stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∞ retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the container when it exits (--rm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it a terminal and keep its input open, to attach to later (-it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunForm</name>
    <message>
        <source>Choose an image from the list or type one, for example busybox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a valid container name: use letters, digits and _ . - (at least two characters, starting with a letter or digit), or leave it empty for a generated name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quote in the command is not closed: close it, or put a backslash before it to keep it as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` has no value: write NAME=value, for example DEBUG=1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` has no variable name before the =: write NAME=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a variable name: names cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write SOURCE:/path/in/container, optionally followed by :ro for read-only; SOURCE is a folder of this computer (/home/me/data) or a volume name (data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a mount. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` has too many colons. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` has no source before the colon. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is neither an absolute folder path nor a volume name (letters, digits, _ . -).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container path `%1` must be absolute, for example /data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be mounted over the container&apos;s / : choose a folder such as /data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a mount mode: write ro for read-only or rw (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a size: give a number with k, m or g, for example 512m or 1g.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is too little: the smallest memory limit is 6m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a number of CPUs: give one such as 0.5 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is more than the %2 CPUs this computer has: give at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a process limit: give a whole number such as 100, or -1 for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a restart policy: choose no, on-failure, always or unless-stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` is not a number of retries: give a whole number, or leave it empty to retry for ever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container removed when it exits cannot also be restarted: untick &quot;Remove when it exits&quot; or choose the restart policy no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the container…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 but could not start it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was removed, as --rm asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It stays in the list as created: fix the cause and start it, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save images as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image archives (*.tar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive holds the images&apos; layers and settings, as docker save writes it: load it on another computer with Berth, docker load or podman load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveJob</name>
    <message>
        <source>Choose at least one image to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to save the images to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name inside it, e.g. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save cancelled; %1 was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s) to %1</source>
        <translation>
            <numerusform>Saved %n image to %1</numerusform>
            <numerusform>Saved %n images to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), %1 written</source>
        <translation>
            <numerusform>%n layer, %1 written</numerusform>
            <numerusform>%n layers, %1 written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the default, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the default (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New containers and pulls use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in Docker&apos;s daemon.json</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s settings, like Docker&apos;s daemon.json. Lists are separated by commas. A change applies to containers and pulls started after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Container workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsChartCard</name>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel features containers are made of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 controllers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user namespaces: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one unified tree holds every controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses a hybrid layout: the old per-controller v1 trees do the limiting, and a v2 tree is mounted beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v1: one tree per controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cgroup hierarchy was found, so containers cannot be limited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Berth&apos;s engine reports about itself and this computer, and what each part is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where images, layers, containers and volumes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers share this computer&apos;s kernel; there is no second operating system inside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processors and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n CPU, %1</numerusform>
            <numerusform>%n CPUs, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A container is an ordinary process that the kernel isolates and limits. The helper checked each of these features when it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a process its own view of the system: its own process numbers (it sees itself as PID 1), mounts, network, host name and users. This isolation is what makes a process a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User namespaces let root inside a container be an unprivileged user outside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 controllers: %1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control groups count and limit what a group of processes may use: memory, CPU time, the number of processes. Each container gets its own group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows an image&apos;s read-only layers as one directory tree and puts a writable layer on top for each container, so many containers share one copy of the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, libseccomp %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter on system calls, the requests a process makes to the kernel. A container is refused calls it should never need, such as loading kernel modules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where images are pulled from besides Docker Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag is another name for the same image: no layer is copied. Push uses the name to know which registry to send the image to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnreachableNotice</name>
    <message>
        <source>The helper could not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeDirectoryModel</name>
    <message>
        <source>%1 points to %2, which is not inside this volume. Links are followed only inside the volume: what lies outside belongs to the containers that mount it, or to this computer, and is not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points to %2, which is a file, not a folder; only folders can be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeFilesTab</name>
    <message>
        <source>↑ Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This folder holds more entries than are shown (the first %n by name).</source>
        <translation>
            <numerusform>This folder holds more entries than are shown (the first %n by name).</numerusform>
            <numerusform>This folder holds more entries than are shown (the first %n by name).</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This volume is empty. A container that mounts it (-v %1:/path) can write here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeListModel</name>
    <message>
        <source> ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A volume name starts with a letter or digit and has at least two characters: letters, digits, _ . or -. Leave it empty for a generated name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label line starts with its key: write KEY=VALUE, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`%1` failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created volume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by %2. Remove those containers first (berth rm), then remove the volume. (`%3` refused: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed volume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to prune: every volume is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to prune: no anonymous volume is unused. Tick &quot;Named volumes too&quot; to include named ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n volume(s), reclaimed %1</source>
        <translation>
            <numerusform>Removed %n volume, reclaimed %1</numerusform>
            <numerusform>Removed %n volumes, reclaimed %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeTable</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous volume %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeView</name>
    <message>
        <source>← Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container uses it. Mount it with: berth run -v %1:/data IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What `berth volume inspect %1` prints: Docker&apos;s field names, plus UsedBy and the measured UsageData.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage that outlives containers. Double-click a volume to browse its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove volumes no container uses (berth volume prune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a named volume (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, label or container</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s)</source>
        <translation>
            <numerusform>%n volume</numerusform>
            <numerusform>%n volumes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused</source>
        <translation>
            <numerusform>%n unused</numerusform>
            <numerusform>%n unused</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volume matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volumes yet. Click Create… to make one, or run a container with -v NAME:/path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy mountpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull an image from a registry, through your registry mirror if you set one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See each image&apos;s tags, size and history, and what every layer added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the files of a layer, and remove images you no longer need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes started from an image, isolated by namespaces and limited by cgroups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a container from an image, with ports, volumes and limits chosen in a form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, stop and remove containers; read their logs as they are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a terminal inside a running container and watch its CPU and memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage that outlives containers: named volumes and folders of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and remove named volumes, and see which containers use each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the files in a volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How containers reach each other and the outside: bridges, addresses and published ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See each bridge network, its subnet, and the containers attached to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which ports of this computer lead into which container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe an image is built from, one instruction per layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a Dockerfile as text or as a list of steps, with mistakes pointed out as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build it and follow each step&apos;s output, with steps taken from the cache marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a container really is, shown with the engine on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short lessons that run real commands: layers, namespaces, cgroups, ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each lesson links to the panel and the berth command that does the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download an image, through your registry mirror if you set one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the images this computer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image&apos;s configuration and layers, as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop to load the images in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli</name>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes %2 argument(s), got %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (like daemon.json), or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show engine settings: all of them, or the value of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use --format json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an engine setting (lists are comma-separated; an empty VALUE empties a list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return an engine setting to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (like Docker&apos;s daemon.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all settings, or one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return a setting to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth config COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth config needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth config: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing Filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth Root Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry Mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the text report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS/Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: Berth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all images (default hides intermediate images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output: dangling=true|false, reference=PATTERN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per line), or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use dangling=true|false or reference=PATTERN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format the output using a template: {{.Field}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.Field}}, {{.Field.Sub}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth image needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth image: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull for this platform, e.g. linux/arm64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download all tagged images in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using default tag: latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force removal of the image (all its tags, even if containers use it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not delete untagged parents (Berth keeps no parent images, so there are none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sizes and dates in human readable format (default true; -H=false turns it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max number of search results (default 25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output: stars=N, is-official=true|false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Docker Hub, or a private registry&apos;s catalog as HOST:PORT/TERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 100, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use stars=N or is-official=true|false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFFICIAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[OK]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the password from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry. If no server is given, Docker Hub (docker.io) is used. The login is checked against the registry, then kept by Berth&apos;s helper for your user only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give -u USERNAME and --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry: forget the login `berth login` stored for your user. If no server is given, Docker Hub (docker.io) is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload each blob in chunks of this size, e.g. 5m (default: one request per blob, chunks of 32m above 128m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry. With IMAGE, that local image is pushed as NAME[:TAG] without tagging it first (as podman push SOURCE DESTINATION).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot push to a digest; write the target as NAME[:TAG]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--chunk-size takes a size of at least 4k, such as 64k, 5m or 1g; got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the push…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory; give a file name to -o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from tar archive file (or an OCI layout directory), instead of STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress the load output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN (docker save, podman save, OCI archives and layouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested load from stdin, but stdin is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory without index.json or manifest.json: not an OCI layout or an unpacked image archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (registry mirrors, subnets, logs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Docker Hub or a registry&apos;s catalog for images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container workbench: images, containers, volumes and networks, with a teaching GUI (berth-gui).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print version information and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;berth --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth: &apos;%1&apos; is not a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds, changes and deletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth image COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(opaque directory: hides everything lower layers had in it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only layer N, counted from 1 at the base as the layer explorer shows them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per change), or empty for docker diff&apos;s lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds (A), changes (C) and deletes (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--layer takes a layer number from 1 (the base layer) upwards, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 layer(s), numbered 1 (the base) to %2; there is no layer %3. Run `berth image diff %1` to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 changes more than %2 paths; only the first %2 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;-t, --time&quot;: give a whole number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal to send to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove anonymous volumes associated with the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show n last created containers (includes all states)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the latest created container (includes all states)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output based on conditions provided (status=, name=, id=, ancestor=, exited=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display total file sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: use status=, name=, id=, ancestor= or exited=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth container needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth container: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth container COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the file %1 in container %2; check the path with: berth exec %2 ls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination &quot;%1:%2&quot; must be a directory when the source is a tar on standard input; create it first or name a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth cp - reads a tar archive from standard input; pipe or redirect one into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link to a missing file; -L cannot follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you sure you want to continue? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive mode (copy all uid/gid information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always follow symbol link in SRC_PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem. Use &apos;-&apos; as the source to read a tar archive from stdin and extract it to a directory destination in a container. Use &apos;-&apos; as the destination to stream a tar archive of a container source to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify at least one container source: write CONTAINER:PATH on one side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copying between containers is not supported: copy to the host first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a container path cannot be empty: write CONTAINER:/path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output using a template: {{.ID}} {{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}, &quot;table&quot; first for a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.ID}}, {{.Container}}, {{.Name}}, {{.CPUPerc}}, {{.MemUsage}}, {{.MemPerc}}, {{.NetIO}}, {{.BlockIO}} or {{.PIDs}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;until=&lt;timestamp&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: berth container prune takes until=TIMESTAMP|DURATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all stopped containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Containers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (virtual %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached mode: run command in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or UID (format: &quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input device is not a TTY; leave out -t, or run from a terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return JSON for the given type (container or image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;--type %1&quot; is not supported yet; use --type container, image or volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show logs since timestamp (e.g. &quot;2013-01-02T13:23:37Z&quot;) or relative (e.g. &quot;42m&quot; for 42 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show logs before a timestamp (e.g. &quot;2013-01-02T13:23:37Z&quot;) or relative (e.g. &quot;42m&quot; for 42 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: unknown key &apos;%2&apos;; use type, source, target, readonly, tmpfs-size or tmpfs-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: target must be an absolute path in the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid mount config for type &quot;bind&quot;: bind source path does not exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid mount config for type &quot;tmpfs&quot;: source is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: type must be bind, volume or tmpfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid size: &apos;%1&apos;; give bytes or a number with k, m or g (e.g. 512m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--cpus&quot;: give a number of CPUs such as 1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot;: give a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid restart policy &apos;%1&apos;: the retry count must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specify volume name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specify volume driver name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set metadata for a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>volume driver &quot;%1&quot; is not available; Berth has the &quot;local&quot; driver only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicting options: either specify --name or provide positional arg, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display volume names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;dangling=true&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output using a template: {{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.Field}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not report an error for a volume that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all unused volumes, not just anonymous ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;label=&lt;label&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all local volumes not used by at least one container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove anonymous local volumes not used by at least one container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Volumes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth volume: unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input device is not a TTY; the container %1 runs on a terminal (-t): attach from a terminal, or use --no-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy all received signals to the process (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author (e.g., &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Dockerfile instruction to the created image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause container during commit (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value &quot;%1&quot; for --pause: give true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR and forward signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach container&apos;s STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once; give one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid detach key `%1`: give keys as a letter or ctrl-&lt;a-z, @, [, \, ], ^ or _&gt;, separated by commas, as in ctrl-p,ctrl-q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make the socket pair for attaching: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached from %1; it keeps running (berth attach %1 to come back, berth stop %1 to stop it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output using a template: [table] {{.ID}}\t{{.Names}}\t{{.Status}}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: give {{.Field}} items (ID, Image, Command, CreatedAt, RunningFor, Ports, Status, State, Names, Size), optionally after &quot;table &quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening seccomp profile (%1) failed: %2; give a readable JSON profile file, or seccomp=unconfined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the seccomp profile %1 is larger than 16 MiB; give a JSON profile file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--log-opt&quot;: give KEY=VALUE, such as max-size=10m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::ContainerOutput</name>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make a pipe for the container&apos;s output: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::DirectoryTar</name>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the layout to the helper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path %1 is too long for a tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: it changed while it was being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link; an OCI layout directory holds only files and directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither a file nor a directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::JobRunner</name>
    <message>
        <source>Warning: cannot watch for Ctrl-C (%1); interrupting will not cancel the job in the helper.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::LoadPrinter</name>
    <message>
        <source>Archive read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::RunFlags</name>
    <message>
        <source>Run container in background and print container ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set environment variables (NAME=value, or NAME to pass yours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind mount a volume (/host:/ctr[:ro], name:/ctr, /ctr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically remove the container when it exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or UID (format: &lt;name|uid&gt;[:&lt;group|gid&gt;])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite the default ENTRYPOINT of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give extended privileges to this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security options (seccomp=unconfined|FILE, no-new-privileges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount the container&apos;s root filesystem as read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit (e.g. 512m, 1g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory plus swap limit: &apos;-1&apos; for unlimited swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of CPUs (e.g. 1.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU shares (relative weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune container pids limit (-1 for unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulimit options (e.g. nofile=1024:2048)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a filesystem mount (type=bind|volume|tmpfs,source=…,target=…[,readonly])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount a tmpfs directory (/path[:options])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a container to a network (none or host for now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy: no, on-failure[:N], always, unless-stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set meta data on a container (KEY=VALUE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal to stop the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (in seconds) to stop a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging driver for the container (json-file only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log driver options (max-size=10m, max-file=3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::client</name>
    <message>
        <source>Berth&apos;s helper is not reachable on the system bus: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix it, install Berth&apos;s D-Bus and polkit files so the bus can start the helper (from the source tree: `sudo ./dev.sh run`, or `sudo cmake --install build`), or start it by hand: `sudo berth-helper`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the system bus at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix it, start the system bus: `sudo service dbus start`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service named %1 is installed on the bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper did not answer in time (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be busy or stuck: check its log (`journalctl -t berth-helper`) or restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system bus refused the call: %1
Berth&apos;s bus policy (io.berth.Helper.conf) may be missing or outdated; reinstall Berth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running helper does not know this request (%1). It is probably an older version: restart it so the installed one starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D-Bus could not start it (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `sudo berth-helper` in a terminal to see why it fails to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper failed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped while the job was running; run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
