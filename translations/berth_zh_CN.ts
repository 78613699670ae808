<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BerthGui</name>
    <message>
        <source>Berth, a container workbench</source>
        <translation>Berth 容器工作台</translation>
    </message>
    <message>
        <source>Language of the interface, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言，例如 zh_CN 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>Panel to open first: images, containers, volumes, networks, dockerfile, learn, system or settings.</source>
        <translation>启动时打开的面板：images、containers、volumes、networks、dockerfile、learn、system 或 settings。</translation>
    </message>
    <message>
        <source>Once the first panel has loaded its data, save the window as a PNG and quit (for docs and tests).</source>
        <translation>第一个面板加载完数据后，把窗口保存为 PNG 并退出（用于文档和测试）。</translation>
    </message>
    <message>
        <source>Size of the window in pixels, e.g. 1280x800.</source>
        <translation>窗口大小（像素），例如 1280x800。</translation>
    </message>
    <message>
        <source>With --screenshot: also print the text shown on the panel.</source>
        <translation>与 --screenshot 一起使用：同时输出面板上显示的文字。</translation>
    </message>
    <message>
        <source>--size wants WIDTHxHEIGHT, e.g. 1280x800, not &quot;%1&quot;</source>
        <translation>--size 需要 宽x高 的格式，例如 1280x800，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>CommandStrip</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Every action in Berth has a command-line equivalent. Run it in a terminal to do the same.</source>
        <translation>Berth 中的每个操作都有对应的命令。在终端中运行它，效果相同。</translation>
    </message>
    <message>
        <source>What you do here appears as a berth command.</source>
        <translation>你在这里的操作会显示为对应的 berth 命令。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>把命令复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Mirrors tried before Docker Hub when pulling, in order. A nearby mirror makes pulls much faster (for example in mainland China).</source>
        <translation>拉取镜像时按顺序先尝试这些镜像加速器，再访问 Docker Hub。离你近的加速器能让拉取快很多（例如在中国大陆）。</translation>
    </message>
    <message>
        <source>Registries that may be reached over plain HTTP or with an unverified certificate. Registries on 127.0.0.0/8 are always allowed.</source>
        <translation>允许通过明文 HTTP 或未经验证的证书访问的镜像仓库。127.0.0.0/8 上的仓库始终允许。</translation>
    </message>
    <message>
        <source>The private address range of the default bridge network that containers join.</source>
        <translation>容器默认加入的 bridge 网络所用的私有地址段。</translation>
    </message>
    <message>
        <source>DNS servers given to containers instead of the host&apos;s.</source>
        <translation>提供给容器的 DNS 服务器，代替主机的 DNS 设置。</translation>
    </message>
    <message>
        <source>How large a container&apos;s log may grow before it is rotated.</source>
        <translation>容器日志在轮转之前最多可以增长到多大。</translation>
    </message>
    <message>
        <source>How many rotated log files are kept per container.</source>
        <translation>每个容器保留多少个轮转后的日志文件。</translation>
    </message>
    <message>
        <source>How many layers are downloaded at once during a pull.</source>
        <translation>拉取镜像时同时下载多少个镜像层。</translation>
    </message>
    <message>
        <source>How many layers are uploaded at once during a push.</source>
        <translation>推送镜像时同时上传多少个镜像层。</translation>
    </message>
    <message>
        <source>How many times a failed layer download is tried.</source>
        <translation>镜像层下载失败时最多尝试几次。</translation>
    </message>
    <message>
        <source>Registry mirrors</source>
        <translation>镜像加速器</translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation>不安全的镜像仓库</translation>
    </message>
    <message>
        <source>Default bridge subnet</source>
        <translation>默认网桥子网</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>Largest log file</source>
        <translation>日志文件上限</translation>
    </message>
    <message>
        <source>Log files kept</source>
        <translation>保留的日志文件数</translation>
    </message>
    <message>
        <source>Parallel downloads</source>
        <translation>并行下载数</translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation>并行上传数</translation>
    </message>
    <message>
        <source>Download attempts</source>
        <translation>下载尝试次数</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Container logs</source>
        <translation>容器日志</translation>
    </message>
    <message>
        <source>Pulling and pushing</source>
        <translation>拉取与推送</translation>
    </message>
    <message>
        <source>The largest a layer may be once decompressed; a bigger one is refused as a likely decompression bomb.</source>
        <translation>镜像层解压后允许的最大大小；超过它的层会被当作可能的解压炸弹而拒绝。</translation>
    </message>
    <message>
        <source>Largest layer</source>
        <translation>镜像层上限</translation>
    </message>
</context>
<context>
    <name>ContainerActions</name>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send the stop signal, then SIGKILL if it is still running after its timeout (10 s)</source>
        <translation>发送停止信号；如果超时（10 秒）后仍在运行，再发送 SIGKILL</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Unpause</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Let its processes run again (cgroup freezer)</source>
        <translation>让它的进程继续运行（cgroup freezer）</translation>
    </message>
    <message>
        <source>Freeze all its processes (cgroup freezer) without stopping them</source>
        <translation>冻结它的所有进程（cgroup freezer），但不停止它们</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>杀死</translation>
    </message>
    <message>
        <source>Send SIGKILL: the processes end at once, without cleaning up</source>
        <translation>发送 SIGKILL：进程立即结束，不做任何清理</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>ContainerAttachment</name>
    <message>
        <source>The terminal has no view to show the container in; reopen the container&apos;s page.</source>
        <translation>终端没有可显示容器的视图；请重新打开容器页面。</translation>
    </message>
    <message>
        <source>No container is chosen to attach to.</source>
        <translation>没有选择要附加的容器。</translation>
    </message>
    <message>
        <source>Cannot make the socket pair to attach through: %1. Close other programs&apos; windows and try again.</source>
        <translation>无法创建用于附加的套接字对：%1。请关闭其他程序的窗口后重试。</translation>
    </message>
    <message>
        <source>Cannot attach to %1: %2</source>
        <translation>无法附加到 %1：%2</translation>
    </message>
    <message>
        <source>Reading from %1&apos;s terminal failed: %2.</source>
        <translation>读取 %1 的终端失败：%2。</translation>
    </message>
</context>
<context>
    <name>ContainerCopyJob</name>
    <message>
        <source>%1 is not a folder on this computer; choose an existing folder to download into.</source>
        <translation>%1 不是这台计算机上的目录；请选择一个已有的目录作为下载位置。</translation>
    </message>
    <message>
        <source>Downloaded %1 to %2.</source>
        <translation>已将 %1 下载到 %2。</translation>
    </message>
    <message>
        <source>%1 does not exist on this computer; choose a file or folder to upload.</source>
        <translation>%1 在这台计算机上不存在；请选择要上传的文件或目录。</translation>
    </message>
    <message>
        <source>Uploaded %1 to %2.</source>
        <translation>已将 %1 上传到 %2。</translation>
    </message>
    <message>
        <source>Could not create a socket for the copy (%1); close some programs and try again.</source>
        <translation>无法为复制创建套接字（%1）；请关闭一些程序后重试。</translation>
    </message>
    <message>
        <source>Download cancelled; what had arrived by then is in %1.</source>
        <translation>下载已取消；此前已到达的内容在 %1 中。</translation>
    </message>
    <message>
        <source>Upload cancelled; what had arrived by then is in %1.</source>
        <translation>上传已取消；此前已到达的内容在 %1 中。</translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>The helper&apos;s answer for %1 is not a JSON object; run `berth inspect %1` to see it.</source>
        <translation>辅助进程对 %1 的应答不是 JSON 对象；运行 `berth inspect %1` 查看它。</translation>
    </message>
    <message numerus="yes">
        <source>on-failure (at most %n retries)</source>
        <translation>
            <numerusform>on-failure（最多重试 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>%1 written (virtual %2, with its image)</source>
        <translation>已写入 %1（虚拟 %2，含镜像）</translation>
    </message>
</context>
<context>
    <name>ContainerFilesTab</name>
    <message>
        <source>↑ Up</source>
        <translation>↑ 上一级</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Copy the selected file or folder to a folder of this computer (berth cp).</source>
        <translation>把选中的文件或目录复制到这台计算机上的某个目录（berth cp）。</translation>
    </message>
    <message>
        <source>Upload file…</source>
        <translation>上传文件…</translation>
    </message>
    <message>
        <source>Upload folder…</source>
        <translation>上传目录…</translation>
    </message>
    <message>
        <source>The container&apos;s own file system (its image and its changes). Volumes and folders mounted into it are not shown here.</source>
        <translation>容器自己的文件系统（它的镜像加上它所做的修改）。挂载进来的数据卷和目录不在这里显示。</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>此目录为空。</translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown; open a folder below or use berth exec %2 ls.</source>
        <translation>只显示了前 %1 项；请打开下面的某个目录，或使用 berth exec %2 ls。</translation>
    </message>
    <message>
        <source>Download %1 into</source>
        <translation>把 %1 下载到</translation>
    </message>
    <message>
        <source>Upload a file into %1</source>
        <translation>上传文件到 %1</translation>
    </message>
    <message>
        <source>Upload a folder into %1</source>
        <translation>上传目录到 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ContainerIsolationTab</name>
    <message>
        <source>It sees this computer&apos;s mounts.</source>
        <translation>它能看到这台计算机的挂载。</translation>
    </message>
    <message>
        <source>Its own list of mounts: its image&apos;s files are its /, and this computer&apos;s other mounts are out of sight.</source>
        <translation>它有自己的挂载列表：镜像中的文件就是它的 /，这台计算机的其他挂载它都看不到。</translation>
    </message>
    <message>
        <source>It sees every process of this computer (--pid host).</source>
        <translation>它能看到这台计算机上的所有进程（--pid host）。</translation>
    </message>
    <message>
        <source>Its own process numbers: it sees only its own processes, the first one as PID 1.</source>
        <translation>它有自己的进程号：它只能看到自己的进程，第一个进程就是 PID 1。</translation>
    </message>
    <message>
        <source>It shares this computer&apos;s hostname.</source>
        <translation>它与这台计算机共用主机名。</translation>
    </message>
    <message>
        <source>Its own hostname: renaming itself does not rename this computer.</source>
        <translation>它有自己的主机名：修改它的主机名不会改变这台计算机的主机名。</translation>
    </message>
    <message>
        <source>It shares this computer&apos;s shared memory and message queues.</source>
        <translation>它与这台计算机共用共享内存和消息队列。</translation>
    </message>
    <message>
        <source>Its own shared memory and message queues, out of reach of this computer&apos;s programs.</source>
        <translation>它有自己的共享内存和消息队列，这台计算机上的程序无法访问。</translation>
    </message>
    <message>
        <source>It uses this computer&apos;s network interfaces and ports (--network host).</source>
        <translation>它直接使用这台计算机的网络接口和端口（--network host）。</translation>
    </message>
    <message>
        <source>Its own network interfaces, routes and ports; with --network none only a loopback.</source>
        <translation>它有自己的网络接口、路由和端口；使用 --network none 时只有一个回环接口。</translation>
    </message>
    <message>
        <source>It sees the cgroup tree with this computer&apos;s paths; its limits apply all the same.</source>
        <translation>它看到的 cgroup 树使用这台计算机上的路径；它的资源限制照样生效。</translation>
    </message>
    <message>
        <source>Its own view of the cgroup tree: its cgroup looks like the root.</source>
        <translation>它有自己视角下的 cgroup 树：它所在的 cgroup 看起来就是根。</translation>
    </message>
    <message>
        <source>User ids are this computer&apos;s: root inside is root here, held back by the capabilities and the filter below.</source>
        <translation>用户 ID 与这台计算机相同：容器里的 root 就是本机的 root，只是受到下面的能力 (capabilities) 和过滤器的约束。</translation>
    </message>
    <message>
        <source>Its own user ids: root inside maps to an unprivileged user here.</source>
        <translation>它有自己的用户 ID：容器里的 root 映射为本机上的一个无特权用户。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>%1 CPUs (%2 µs of CPU time every %3 µs)</source>
        <translation>%1 个 CPU（每 %3 µs 中可用 %2 µs 的 CPU 时间）</translation>
    </message>
    <message>
        <source>2: filter. An allow-list of system calls; the others fail with &quot;operation not permitted&quot; (Docker&apos;s default profile).</source>
        <translation>2：filter（过滤）。按允许列表放行系统调用，其他调用会失败并返回“operation not permitted”（Docker 的默认配置）。</translation>
    </message>
    <message>
        <source>1: strict. Only read, write, exit and sigreturn are allowed.</source>
        <translation>1：strict（严格）。只允许 read、write、exit 和 sigreturn。</translation>
    </message>
    <message>
        <source>0: off. Every system call reaches the kernel (--privileged or --security-opt seccomp=unconfined).</source>
        <translation>0：off（关闭）。所有系统调用都直达内核（--privileged 或 --security-opt seccomp=unconfined）。</translation>
    </message>
    <message>
        <source>A container is an ordinary process of this computer that the kernel keeps apart. Below is what the kernel says about %1&apos;s first process right now.</source>
        <translation>容器就是这台计算机上一个被内核隔离开的普通进程。下面是内核此刻给出的关于 %1 第一个进程的信息。</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>%1 is not running (%2). Namespaces, cgroup limits and capabilities belong to running processes, so start it to see them.</source>
        <translation>%1 未在运行（%2）。命名空间、cgroup 限制和能力都属于运行中的进程，所以请先启动它再查看。</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Its first process</source>
        <translation>它的第一个进程</translation>
    </message>
    <message>
        <source>Inside, the first process sees itself as PID %1 and sees only the container&apos;s processes. This computer knows the same process as PID %2: a pid namespace gives the container its own numbering.</source>
        <translation>在容器内，第一个进程把自己看作 PID %1，并且只能看到容器里的进程。这台计算机则把同一个进程记为 PID %2：pid 命名空间让容器拥有自己的一套进程编号。</translation>
    </message>
    <message>
        <source>PID inside</source>
        <translation>容器内的 PID</translation>
    </message>
    <message>
        <source>PID on this computer</source>
        <translation>这台计算机上的 PID</translation>
    </message>
    <message>
        <source>PID in each namespace</source>
        <translation>各层命名空间中的 PID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>命名空间 (namespaces)</translation>
    </message>
    <message>
        <source>Each namespace gives the container its own copy of one kind of thing. The numbers are the kernel&apos;s identities (inodes in /proc/PID/ns): different from this computer&apos;s means separate.</source>
        <translation>每种命名空间让容器拥有某一类资源的独立副本。这些数字是内核给出的标识（/proc/PID/ns 中的 inode）：与这台计算机的不同，就表示是独立的。</translation>
    </message>
    <message>
        <source>This computer&apos;s are read from berth-helper&apos;s own, as PID 1&apos;s cannot be read here.</source>
        <translation>这台计算机的值取自 berth-helper 自己的命名空间，因为在这里无法读取 PID 1 的命名空间。</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>separate</source>
        <translation>独立</translation>
    </message>
    <message>
        <source>%1 here and on this computer</source>
        <translation>容器内和这台计算机上都是 %1</translation>
    </message>
    <message>
        <source>%1 here, %2 on this computer</source>
        <translation>容器内为 %1，这台计算机上为 %2</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Read inside its uts namespace: it has this computer&apos;s name.</source>
        <translation>在它的 uts 命名空间中读取：它的名字与这台计算机相同。</translation>
    </message>
    <message>
        <source>Read inside its uts namespace: the container has a name of its own (--hostname), while this computer keeps its own.</source>
        <translation>在它的 uts 命名空间中读取：容器有自己的名字（--hostname），这台计算机仍保留自己的名字。</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>容器内</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台计算机</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message numerus="yes">
        <source>What it sees mounted, from its /proc/PID/mountinfo: %n mounts, the first its root. This computer has %1 of its own that the container cannot see.</source>
        <translation>
            <numerusform>它能看到的挂载（来自它的 /proc/PID/mountinfo）：共 %n 个，第一个是它的根。这台计算机另有 %1 个自己的挂载，容器看不到。</numerusform>
        </translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>Cgroup limits</source>
        <translation>控制组 (cgroup) 限制</translation>
    </message>
    <message>
        <source>Its processes are in the cgroup %1 (cgroup %2). The kernel counts what they use there and holds them to these limits, whatever they try.</source>
        <translation>它的进程位于 cgroup %1 中（cgroup %2）。内核在那里统计它们用掉的资源，无论它们怎么尝试，都会被限制在下面这些限额之内。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory and swap</source>
        <translation>内存 + 交换空间</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU weight</source>
        <translation>CPU 权重</translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation>CPU 份额 (shares)</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>读取的文件</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力 (capabilities)</translation>
    </message>
    <message>
        <source>Root&apos;s powers come in pieces. Its processes hold %1 of the %2 this computer has (CapEff %3); the rest, such as mounting file systems or loading kernel modules, are gone for good.</source>
        <translation>root 的权力被拆分成了许多项能力。它的进程拥有这台计算机全部 %2 项中的 %1 项（CapEff %3）；其余的，例如挂载文件系统或加载内核模块，已被永久移除。</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>System calls</source>
        <translation>系统调用</translation>
    </message>
    <message>
        <source>A seccomp filter checks each system call before the kernel runs it; no_new_privs stops a program from gaining privileges through setuid files.</source>
        <translation>seccomp 过滤器会在内核执行每个系统调用之前先检查它；no_new_privs 阻止程序通过 setuid 文件获得特权。</translation>
    </message>
    <message>
        <source>Seccomp</source>
        <translation>Seccomp</translation>
    </message>
    <message>
        <source>no_new_privs</source>
        <translation>no_new_privs</translation>
    </message>
    <message>
        <source>1: set (--security-opt no-new-privileges). A setuid program runs without gaining its owner&apos;s rights.</source>
        <translation>1：已设置（--security-opt no-new-privileges）。setuid 程序运行时不会获得其属主的权限。</translation>
    </message>
    <message>
        <source>0: not set, as Docker leaves it unless run with --security-opt no-new-privileges. A setuid program inside may gain its owner&apos;s rights, within the capabilities above.</source>
        <translation>0：未设置，除非使用 --security-opt no-new-privileges 运行，否则 Docker 默认就是这样。容器内的 setuid 程序可能获得其属主的权限，但不会超出上面的能力范围。</translation>
    </message>
</context>
<context>
    <name>ContainerListModel</name>
    <message>
        <source> ago</source>
        <translation> 前</translation>
    </message>
    <message>
        <source>`%1` failed: %2</source>
        <translation>`%1` 失败：%2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>已启动 %1</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <source>Restarted %1</source>
        <translation>已重启 %1</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>已暂停 %1</translation>
    </message>
    <message>
        <source>Unpaused %1</source>
        <translation>已恢复 %1</translation>
    </message>
    <message>
        <source>Sent %1 to %2</source>
        <translation>已向 %2 发送 %1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
</context>
<context>
    <name>ContainerLogModel</name>
    <message>
        <source>Cannot make a pipe for the log of %1: %2. Close some windows or programs and open the tab again.</source>
        <translation>无法为 %1 的日志创建管道：%2。请关闭一些窗口或程序后重新打开此标签页。</translation>
    </message>
    <message>
        <source>Cannot read the log of %1: %2</source>
        <translation>无法读取 %1 的日志：%2</translation>
    </message>
    <message>
        <source>Reading the log of %1 failed: %2. Open the tab again to retry.</source>
        <translation>读取 %1 的日志失败：%2。请重新打开此标签页重试。</translation>
    </message>
</context>
<context>
    <name>ContainerLogsTab</name>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the newest line in view. Scrolling up stops it; scrolling to the end or ticking it again resumes.</source>
        <translation>始终显示最新的一行。向上滚动会停止跟随；滚动到末尾或再次勾选即可恢复。</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source> (older ones dropped)</source>
        <translation>（较早的行已丢弃）</translation>
    </message>
    <message>
        <source>● live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the lines shown (only the matching ones while searching).</source>
        <translation>复制显示的行（搜索时仅复制匹配的行）。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>No line contains “%1”.</source>
        <translation>没有包含“%1”的行。</translation>
    </message>
    <message>
        <source>No output yet. Lines appear here as the container writes them.</source>
        <translation>还没有输出。容器写出内容时，会在这里逐行显示。</translation>
    </message>
    <message>
        <source>The container has written nothing.</source>
        <translation>该容器没有输出任何内容。</translation>
    </message>
    <message>
        <source>Last 100 lines</source>
        <translation>最后 100 行</translation>
    </message>
    <message>
        <source>Last 1000 lines</source>
        <translation>最后 1000 行</translation>
    </message>
    <message>
        <source>Last 10000 lines</source>
        <translation>最后 10000 行</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 10 minutes</source>
        <translation>最近 10 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近 1 天</translation>
    </message>
</context>
<context>
    <name>ContainerOverviewTab</name>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令 (Cmd)</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>入口点 (Entrypoint)</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>When it was created, started and last stopped, and how its last run ended.</source>
        <translation>它何时创建、何时启动、上次何时停止，以及上次运行是如何结束的。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>(killed: out of memory)</source>
        <translation>（已被杀死：内存不足）</translation>
    </message>
    <message>
        <source>Main process (host PID)</source>
        <translation>主进程（主机上的 PID）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Limits and restart</source>
        <translation>资源限制与重启</translation>
    </message>
    <message>
        <source>Set at creation with -m, --cpus, --pids-limit, --restart and --rm; enforced by cgroups.</source>
        <translation>创建时通过 -m、--cpus、--pids-limit、--restart 和 --rm 设置；由 cgroups 强制执行。</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message numerus="yes">
        <source>(restarted %n times)</source>
        <translation>
            <numerusform>（已重启 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed when it exits</source>
        <translation>退出时自动删除</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Nothing of this computer is mounted into it: its files live in its own layer only.</source>
        <translation>没有挂载这台计算机上的任何内容：它的文件只存在于它自己的容器层中。</translation>
    </message>
    <message>
        <source>Folders of this computer and volumes it sees, at the paths it sees them.</source>
        <translation>挂载进来的本机目录和数据卷，以及它们在容器中的路径。</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>重新测量</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Add up the files it wrote to its own layer (berth ps -s); a container that wrote much takes a while.</source>
        <translation>统计它写入自身层的文件（berth ps -s）；写入很多的容器需要一些时间。</translation>
    </message>
</context>
<context>
    <name>ContainerProcessesTab</name>
    <message>
        <source>PIDs here are the host&apos;s: inside the container its first process sees itself as PID 1 in a PID namespace of its own.</source>
        <translation>这里的 PID 是主机上的：在容器内，第一个进程处在它自己的 PID 命名空间中，把自己看作 PID 1。</translation>
    </message>
    <message numerus="yes">
        <source>Refresh every %n second(s)</source>
        <translation>
            <numerusform>每 %n 秒刷新一次</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 is not running (%2), so it has no processes. Start it to see them.</source>
        <translation>%1 未在运行（%2），所以没有进程。启动它即可查看。</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Reading the processes…</source>
        <translation>正在读取进程…</translation>
    </message>
    <message>
        <source>No process is left in the container.</source>
        <translation>容器中已经没有进程了。</translation>
    </message>
</context>
<context>
    <name>ContainerShell</name>
    <message>
        <source>A quote in %1 is not closed; close it or remove it.</source>
        <translation>%1 中有未闭合的引号；请补全或删除它。</translation>
    </message>
    <message>
        <source>Give the program to run, for example sh.</source>
        <translation>请给出要运行的程序，例如 sh。</translation>
    </message>
    <message>
        <source>The terminal has no view to show the program in; reopen the container&apos;s page.</source>
        <translation>终端没有可显示程序的视图；请重新打开该容器的页面。</translation>
    </message>
    <message>
        <source>Cannot open /dev/null for the runtime&apos;s messages: %1. Check that /dev/null exists.</source>
        <translation>无法为运行时的消息打开 /dev/null：%1。请检查 /dev/null 是否存在。</translation>
    </message>
    <message>
        <source>Cannot start %1 in %2: %3</source>
        <translation>无法在 %2 中启动 %1：%3</translation>
    </message>
    <message>
        <source>The terminal went away; reopen the container&apos;s page.</source>
        <translation>终端已关闭；请重新打开该容器的页面。</translation>
    </message>
    <message>
        <source>Cannot learn how %1 ended (exec %2): %3</source>
        <translation>无法得知 %1 如何结束（exec %2）：%3</translation>
    </message>
</context>
<context>
    <name>ContainerStatsModel</name>
    <message>
        <source>The helper sent no sample for %1; run `berth stats %1` to see what it says.</source>
        <translation>辅助进程没有发来 %1 的采样数据；运行 `berth stats %1` 看看它输出了什么。</translation>
    </message>
</context>
<context>
    <name>ContainerStatsTab</name>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Read from the container&apos;s cgroup, the kernel&apos;s accounting of everything its processes use. The same numbers as `%1`.</source>
        <translation>读取自容器的 cgroup，即内核对其进程所用全部资源的统计。数字与 `%1` 相同。</translation>
    </message>
    <message numerus="yes">
        <source>● live, every %n second(s)</source>
        <translation>
            <numerusform>● 实时，每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not running (%2): nothing is sampled now. The charts keep what it used while it ran.</source>
        <translation>%1 未在运行（%2）：现在不再采样。图表保留了它运行期间的资源用量。</translation>
    </message>
    <message>
        <source>%1 is not running (%2). A stopped container uses no CPU or memory; start it to watch it work.</source>
        <translation>%1 未在运行（%2）。已停止的容器不占用 CPU 和内存；启动它即可观察它的运行情况。</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Taking the first samples… CPU use is the change between two of them, so it shows after a second.</source>
        <translation>正在采集最初的样本…CPU 使用率是两次采样之间的差值，所以一秒后才会显示。</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>limit %1 CPUs (--cpus)</source>
        <translation>限制为 %1 个 CPU（--cpus）</translation>
    </message>
    <message numerus="yes">
        <source>of %n CPU(s), no limit</source>
        <translation>
            <numerusform>共 %n 个 CPU，不限制</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>100 % is one CPU kept busy for the whole second; with %n CPU(s) it can reach %1 %.</source>
        <translation>
            <numerusform>100 % 表示一个 CPU 整整一秒都在忙；有 %n 个 CPU 时最高可达 %1 %。</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>last sample</source>
        <translation>最后一次采样</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>of %1 limit (-m), %2</source>
        <translation>占限制 %1（-m）的 %2</translation>
    </message>
    <message>
        <source>no limit: it may use the host&apos;s %1</source>
        <translation>不限制：它最多可以使用主机的 %1</translation>
    </message>
    <message>
        <source>Memory its processes hold, without file cache the kernel can drop. Past a limit, the kernel kills a process (OOM).</source>
        <translation>它的进程占用的内存，不含内核可以丢弃的文件缓存。超过限制时，内核会杀死一个进程（OOM）。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>limit %1 (--pids-limit)</source>
        <translation>限制为 %1（--pids-limit）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Processes and threads in the container (PIDS in `berth stats`); the Processes tab lists them.</source>
        <translation>容器中的进程和线程数（即 `berth stats` 中的 PIDS）；“进程”标签页会列出它们。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <source>%1 in, %2 out in all</source>
        <translation>累计接收 %1，发送 %2</translation>
    </message>
    <message>
        <source>Bytes received and sent each second. It runs with --network none: only its own loopback, so this stays at zero.</source>
        <translation>每秒接收和发送的字节数。它以 --network none 运行：只有自己的回环接口，所以这里一直为零。</translation>
    </message>
    <message>
        <source>Bytes received and sent each second on its network interfaces (NET I/O).</source>
        <translation>它的网络接口每秒接收和发送的字节数（NET I/O）。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Disk (block I/O)</source>
        <translation>磁盘（块 I/O）</translation>
    </message>
    <message>
        <source>read %1  write %2</source>
        <translation>读 %1  写 %2</translation>
    </message>
    <message>
        <source>%1 read, %2 written in all</source>
        <translation>累计读取 %1，写入 %2</translation>
    </message>
    <message>
        <source>Bytes read from and written to disks each second (BLOCK I/O). Writes wait in the page cache first, so they show when the kernel flushes them.</source>
        <translation>每秒从磁盘读取和向磁盘写入的字节数（BLOCK I/O）。写入的数据会先留在页缓存中，要等内核把它们刷到磁盘时才会显示。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Bytes read from and written to disks each second (BLOCK I/O). Nothing counted yet: reads served from the page cache never reach a disk, and with cgroup v1 recent kernels count block I/O only on disks that have an I/O limit set.</source>
        <translation>每秒从磁盘读取和写入的字节数（BLOCK I/O）。目前尚无计数：由页缓存满足的读取不会到达磁盘；在 cgroup v1 下，较新的内核只统计设置了 I/O 限制的磁盘上的块 I/O。</translation>
    </message>
</context>
<context>
    <name>ContainerStatus</name>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation>已运行 %1（已暂停）</translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation>重启中（%1）%2 前</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>已退出（%1）%2 前</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
</context>
<context>
    <name>ContainerTable</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPU · Memory</source>
        <translation>CPU · 内存</translation>
    </message>
    <message>
        <source>CPU (blue; 100 % is one CPU) and memory (purple) over the last 2 minutes, as `berth stats` reads them</source>
        <translation>最近 2 分钟的 CPU（蓝色；100 % 表示一个 CPU）和内存（紫色），与 `berth stats` 读取的数据相同</translation>
    </message>
</context>
<context>
    <name>ContainerTerminalTab</name>
    <message>
        <source>%1 is paused: its processes are frozen, so no shell can start in it. Unpause it first.</source>
        <translation>%1 已暂停：它的进程被冻结，无法在其中启动 shell。请先恢复它。</translation>
    </message>
    <message>
        <source>%1 is not running (%2). A shell runs among the container&apos;s own processes, so start the container first.</source>
        <translation>%1 未在运行（%2）。shell 要在容器自己的进程中运行，所以请先启动容器。</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>再次启动</translation>
    </message>
    <message>
        <source>Open shell</source>
        <translation>打开 shell</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the terminal: the program gets a hang-up signal (SIGHUP).</source>
        <translation>关闭终端：程序会收到挂断信号（SIGHUP）。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Process exited with code %1</source>
        <translation>进程已退出，退出码 %1</translation>
    </message>
    <message>
        <source>Press Open shell to run %1 in the container.</source>
        <translation>点击“打开 shell”在容器中运行 %1。</translation>
    </message>
    <message>
        <source>New shell (exec)</source>
        <translation>新 shell（exec）</translation>
    </message>
    <message>
        <source>Run another program in the container, on a terminal of its own.</source>
        <translation>在容器中另起一个程序，使用它自己的终端。</translation>
    </message>
    <message>
        <source>Main process (attach)</source>
        <translation>主进程（attach）</translation>
    </message>
    <message>
        <source>Show the terminal of the container&apos;s own command, started with -t.</source>
        <translation>显示容器自身命令的终端（以 -t 启动）。</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>Attach again</source>
        <translation>再次附加</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>分离</translation>
    </message>
    <message>
        <source>Stop showing it here; the container keeps running. Keys: ctrl-p ctrl-q.</source>
        <translation>不再在这里显示；容器继续运行。快捷键：ctrl-p ctrl-q。</translation>
    </message>
    <message>
        <source>Attached: keys go to the container&apos;s main process; ctrl-p ctrl-q detaches.</source>
        <translation>已附加：按键发送给容器的主进程；ctrl-p ctrl-q 分离。</translation>
    </message>
    <message>
        <source>Attached, watching only: it was started without -i, so it takes no keys.</source>
        <translation>已附加，仅观看：它启动时没有 -i，因此不接收按键。</translation>
    </message>
    <message>
        <source>Detached; %1 keeps running.</source>
        <translation>已分离；%1 继续运行。</translation>
    </message>
    <message>
        <source>The container exited with code %1</source>
        <translation>容器已退出，退出码 %1</translation>
    </message>
    <message>
        <source>Its main process runs on a terminal (-t): attach to see it and type into it.</source>
        <translation>它的主进程运行在终端上（-t）：附加后即可查看并输入。</translation>
    </message>
    <message>
        <source>Press Attach to show the container&apos;s own terminal.</source>
        <translation>按“附加”显示容器自身的终端。</translation>
    </message>
</context>
<context>
    <name>ContainerView</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>← Containers</source>
        <translation>← 容器</translation>
    </message>
    <message>
        <source>ID %1 · %2</source>
        <translation>ID %1 · %2</translation>
    </message>
    <message>
        <source>What `berth inspect %1` prints: Docker&apos;s field names, so tools written for docker inspect read it.</source>
        <translation>`berth inspect %1` 的输出：使用 Docker 的字段名，因此为 docker inspect 编写的工具也能读取。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>资源统计</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>隔离</translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Processes started from an image, isolated by namespaces and limited by cgroups. Double-click a container to see its settings.</source>
        <translation>从镜像启动的进程，由命名空间隔离、由 cgroups 限制。双击容器可查看它的设置。</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Create and start a container from an image (Ctrl+N)</source>
        <translation>从镜像创建并启动容器（Ctrl+N）</translation>
    </message>
    <message>
        <source>Filter by name, image or ID</source>
        <translation>按名称、镜像或 ID 筛选</translation>
    </message>
    <message>
        <source>Show stopped</source>
        <translation>显示已停止的</translation>
    </message>
    <message>
        <source>Also list created and exited containers, as `berth ps -a`</source>
        <translation>同时列出已创建和已退出的容器，相当于 `berth ps -a`</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>No containers yet. Click Run… to start one from an image.</source>
        <translation>还没有容器。点击“运行…”从镜像启动一个。</translation>
    </message>
    <message>
        <source>No container matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的容器。</translation>
    </message>
    <message numerus="yes">
        <source>No container is running. Tick Show stopped to see the %n stopped ones.</source>
        <translation>
            <numerusform>没有正在运行的容器。勾选“显示已停止的”可查看 %n 个已停止的容器。</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Unpause</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Send signal</source>
        <translation>发送信号</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
</context>
<context>
    <name>CreateVolumeDialog</name>
    <message>
        <source>Create a volume</source>
        <translation>创建数据卷</translation>
    </message>
    <message>
        <source>A named volume keeps data apart from any container: mount it with -v NAME:/path, and it stays when the container is removed.</source>
        <translation>命名数据卷把数据与容器分开保存：用 -v NAME:/path 挂载它，删除容器后它仍会保留。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. app-data (empty: a generated name)</source>
        <translation>例如 app-data（留空：自动生成名称）</translation>
    </message>
    <message>
        <source>Labels (one KEY=VALUE a line)</source>
        <translation>标签（每行一个 KEY=VALUE）</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FeatureCard</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>Connecting to Berth&apos;s helper…</source>
        <translation>正在连接 Berth 的辅助进程…</translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped. It starts again by itself on the next action; click Retry to start it now.</source>
        <translation>Berth 的辅助进程已停止。下一次操作时它会自动启动；点击“重试”可立即启动。</translation>
    </message>
    <message>
        <source>Connected to Berth&apos;s helper %1 on the system bus</source>
        <translation>已通过系统总线连接到 Berth 辅助进程 %1</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Each line is one instruction of the Dockerfile that built the image, newest first. Dimmed lines made no layer: they only changed the image&apos;s settings.</source>
        <translation>每一行是构建该镜像的 Dockerfile 中的一条指令，最新的在最上面。变淡的行没有产生镜像层：它们只修改了镜像的设置。</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
</context>
<context>
    <name>ImageDetails</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
</context>
<context>
    <name>ImageDetailsView</name>
    <message>
        <source>← Images</source>
        <translation>← 镜像</translation>
    </message>
    <message>
        <source>ID %1 · %2 · %3</source>
        <translation>ID %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>镜像层</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
</context>
<context>
    <name>ImageJob</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>Type an image name, for example busybox or registry.example.com/team/app:1.0.</source>
        <translation>请输入镜像名称，例如 busybox 或 registry.example.com/team/app:1.0。</translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation>已取消标签：%1</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>Tagged %1 as %2</source>
        <translation>已为 %1 打上标签 %2</translation>
    </message>
</context>
<context>
    <name>ImageTable</name>
    <message>
        <source>Sort by %1</source>
        <translation>按%1排序</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings. Double-click an image to see its settings, history and layers.</source>
        <translation>容器启动所用的模板：一叠只读的镜像层加上一组设置。双击镜像可查看它的设置、历史和镜像层。</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Filter by name, tag or ID</source>
        <translation>按名称、标签或 ID 筛选</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>打标签…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>No images yet. Click Pull… to download one, for example busybox.</source>
        <translation>还没有镜像。点击“拉取…”下载一个，例如 busybox。</translation>
    </message>
    <message>
        <source>No image matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的镜像。</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <source>Load images from a .tar archive (Ctrl+O); you can also drop one on the window</source>
        <translation>从 .tar 归档文件载入镜像（Ctrl+O）；也可以把归档文件拖放到窗口上</translation>
    </message>
    <message>
        <source>Push…</source>
        <translation>推送…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the image to a .tar archive (Ctrl+S)</source>
        <translation>把镜像保存为 .tar 归档文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save to archive…</source>
        <translation>保存为归档文件…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Start a container from this image</source>
        <translation>用这个镜像启动容器</translation>
    </message>
</context>
<context>
    <name>IsolationReport</name>
    <message>
        <source>The helper&apos;s answer about %1 is not a JSON object; update Berth so the GUI and the helper match.</source>
        <translation>辅助进程关于 %1 的应答不是 JSON 对象；请更新 Berth，使图形界面与辅助进程的版本一致。</translation>
    </message>
</context>
<context>
    <name>JobItemModel</name>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>解压中</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>推送中</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>推送完成</translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation>镜像层已存在</translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation>已从 %1 挂载</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读取中</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>写入中</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入完成</translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation>正在读取归档</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation>正在载入镜像层</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>载入完成</translation>
    </message>
    <message>
        <source>Archive read</source>
        <translation>归档读取完成</translation>
    </message>
</context>
<context>
    <name>LayerExplorer</name>
    <message>
        <source>Layers, base first</source>
        <translation>镜像层（最底层在前）</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>A layer is a set of file changes packed as a tar. Stacked in order, the layers make the container&apos;s file system. A deleted file is recorded as a whiteout (.wh.NAME); an opaque directory (.wh..wh..opq) hides everything the layers below had in it.</source>
        <translation>镜像层是一组打包成 tar 的文件改动。按顺序叠加起来，这些镜像层就构成了容器的文件系统。删除的文件记录为 whiteout 文件（.wh.文件名）；不透明目录（.wh..wh..opq）会遮住下层镜像层中该目录里的全部内容。</translation>
    </message>
    <message>
        <source>Changes of layer %1</source>
        <translation>第 %1 层的改动</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>%1 added · %2 modified · %3 deleted · %4 opaque</source>
        <translation>新增 %1 · 修改 %2 · 删除 %3 · 不透明 %4</translation>
    </message>
    <message>
        <source>Only what this layer changes is listed; grey folders are unchanged and only show where things are.</source>
        <translation>这里只列出本层的改动；灰色的文件夹没有改动，只用来标明位置。</translation>
    </message>
    <message>
        <source>Filter paths</source>
        <translation>筛选路径</translation>
    </message>
    <message>
        <source>Only the first %1 changes are shown.</source>
        <translation>只显示前 %1 个改动。</translation>
    </message>
    <message>
        <source>opaque: hides the lower layers&apos; contents</source>
        <translation>不透明：遮住下层的内容</translation>
    </message>
    <message>
        <source>No path matches.</source>
        <translation>没有匹配的路径。</translation>
    </message>
    <message>
        <source>This layer changes no file.</source>
        <translation>这一层没有改动任何文件。</translation>
    </message>
</context>
<context>
    <name>LoadDialog</name>
    <message>
        <source>Load images</source>
        <translation>载入镜像</translation>
    </message>
    <message>
        <source>Load images from an archive</source>
        <translation>从归档文件载入镜像</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.tar.xz *.tar.bz2)</source>
        <translation>镜像归档文件 (*.tar *.tar.gz *.tgz *.tar.zst *.tar.xz *.tar.bz2)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Archives written by berth save, docker save or podman save, and OCI archives. Layers this computer already has are not stored twice.</source>
        <translation>可以载入 berth save、docker save 或 podman save 生成的归档文件，以及 OCI 归档。这台计算机上已有的镜像层不会重复存储。</translation>
    </message>
    <message>
        <source>Load another…</source>
        <translation>再载入一个…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel load</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LoadJob</name>
    <message>
        <source>Choose an image archive to load.</source>
        <translation>请选择要载入的镜像归档文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder. Load an OCI layout folder from a terminal: %2</source>
        <translation>%1 是一个文件夹。OCI layout 文件夹请在终端中载入：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Load cancelled; no image was added</source>
        <translation>载入已取消；没有添加任何镜像</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n image(s) from %1</source>
        <translation>
            <numerusform>已从 %1 载入 %n 个镜像</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to a registry</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Berth checks the login with the registry, then keeps it for your user only; pulls and pushes to that registry use it. Leave the registry empty for Docker Hub.</source>
        <translation>Berth 会先向镜像仓库验证登录信息，然后只为你这个用户保存；之后对该镜像仓库的拉取和推送都会使用它。镜像仓库留空表示 Docker Hub。</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>registry.example.com or 127.0.0.1:5000 (empty: Docker Hub)</source>
        <translation>registry.example.com 或 127.0.0.1:5000（留空：Docker Hub）</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>password or access token</source>
        <translation>密码或访问令牌</translation>
    </message>
    <message>
        <source>Checking the login with the registry…</source>
        <translation>正在向镜像仓库验证登录信息…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LoginModel</name>
    <message>
        <source>Type the username and the password (or access token) the registry gave you.</source>
        <translation>请输入镜像仓库提供给你的用户名和密码（或访问令牌）。</translation>
    </message>
    <message>
        <source>Login Succeeded: %1</source>
        <translation>登录成功：%1</translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation>正在删除 %1 的登录凭据</translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation>尚未登录 %1</translation>
    </message>
</context>
<context>
    <name>LoginsSection</name>
    <message>
        <source>Registry logins</source>
        <translation>镜像仓库登录</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Pulls and pushes use these logins for their registry. They are kept by Berth&apos;s helper for your user only, readable only by root.</source>
        <translation>拉取和推送时会使用对应镜像仓库的登录信息。这些登录信息由 Berth 的辅助进程只为你这个用户保存，只有 root 能读取。</translation>
    </message>
    <message>
        <source>You are not logged in to any registry.</source>
        <translation>你还没有登录任何镜像仓库。</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Berth</source>
        <translation>Berth</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>摘要 (digest)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>镜像层</translation>
    </message>
    <message>
        <source>What a container starts with</source>
        <translation>容器启动时的默认设置</translation>
    </message>
    <message>
        <source>Defaults from the image&apos;s config; `berth run` options override them.</source>
        <translation>来自镜像配置的默认值；`berth run` 的选项可以覆盖它们。</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>入口点 (Entrypoint)</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令 (Cmd)</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation>暴露的端口</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>停止信号</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签 (Labels)</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>what the engine and this computer support</source>
        <translation>引擎和这台计算机支持哪些功能</translation>
    </message>
    <message>
        <source>Open System</source>
        <translation>打开“系统”</translation>
    </message>
    <message>
        <source>the engine&apos;s settings, like Docker&apos;s daemon.json</source>
        <translation>引擎设置，相当于 Docker 的 daemon.json</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>打开“设置”</translation>
    </message>
    <message>
        <source>the versions of the client and the helper</source>
        <translation>客户端和辅助进程的版本</translation>
    </message>
    <message>
        <source>Not built yet</source>
        <translation>尚未实现</translation>
    </message>
    <message>
        <source>This panel is not built yet in this version of Berth. Nothing on it works today; the commands listed below do.</source>
        <translation>此版本的 Berth 尚未实现这个面板，目前它上面的功能都不可用；下面列出的命令已经可以使用。</translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation>它将来能做什么</translation>
    </message>
    <message>
        <source>Docker users know this as:</source>
        <translation>对应的 Docker 命令：</translation>
    </message>
    <message>
        <source>What works today</source>
        <translation>现在已经可用的</translation>
    </message>
    <message>
        <source>These berth commands exist now, in a terminal and in the panels beside them:</source>
        <translation>以下 berth 命令现在就能用，可以在终端里运行，也可以在对应的面板中使用：</translation>
    </message>
</context>
<context>
    <name>PruneVolumesDialog</name>
    <message>
        <source>Prune unused volumes?</source>
        <translation>清理未使用的数据卷？</translation>
    </message>
    <message numerus="yes">
        <source>Every volume no container uses is deleted with its files, named ones included (%n unused now).</source>
        <translation>
            <numerusform>所有没有被容器使用的数据卷（包括命名数据卷）都会连同其中的文件一起被删除（当前有 %n 个未使用）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous volumes (made by -v /path without a name) that no container uses are deleted with their files. Named volumes stay.</source>
        <translation>没有被容器使用的匿名卷（由不带名称的 -v /path 创建）会连同其中的文件一起被删除。命名数据卷会保留。</translation>
    </message>
    <message>
        <source>Named volumes too (-a)</source>
        <translation>同时清理命名数据卷（-a）</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PtyChannel</name>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: it is not an open descriptor. Close the terminal and open it again.</source>
        <translation>无法把终端连接到文件描述符 `%1`：它不是已打开的描述符。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: duplicating it failed: %2. Close the terminal and open it again.</source>
        <translation>无法把终端连接到文件描述符 `%1`：复制描述符失败：%2。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Cannot connect the terminal to file descriptor `%1`: making it non-blocking failed: %2. Close the terminal and open it again.</source>
        <translation>无法把终端连接到文件描述符 `%1`：将其设为非阻塞模式失败：%2。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Cannot connect the terminal: the helper sent no valid file descriptor. Close the terminal and open it again.</source>
        <translation>无法连接终端：辅助进程没有发来有效的文件描述符。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Reading from the terminal failed: %1. Close the terminal and open it again.</source>
        <translation>从终端读取失败：%1。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Writing to the terminal failed: %1. Close the terminal and open it again.</source>
        <translation>向终端写入失败：%1。请关闭终端后重新打开。</translation>
    </message>
    <message>
        <source>Setting the terminal&apos;s size to %1×%2 failed: %3. Programs may draw for the old size.</source>
        <translation>把终端大小设为 %1×%2 失败：%3。程序可能仍按旧的大小绘制界面。</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>An image is named [registry/]repository[:tag]. Without a registry it comes from Docker Hub (through your registry mirror, if you set one in Settings); without a tag, :latest is used.</source>
        <translation>镜像名称的格式是 [镜像仓库/]仓库名[:标签]。不写镜像仓库时从 Docker Hub 拉取（如果在“设置”中配置了镜像加速器，则经由加速器）；不写标签时使用 :latest。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>optional, e.g. linux/arm64 (default: this computer&apos;s)</source>
        <translation>可选，例如 linux/arm64（默认为本机的平台）</translation>
    </message>
    <message>
        <source>Pull again</source>
        <translation>再次拉取</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel pull</source>
        <translation>取消拉取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PullJob</name>
    <message>
        <source>Using default tag: latest</source>
        <translation>使用默认标签：latest</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation>状态：已下载 %1 的新镜像</translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation>状态：镜像 %1 已是最新</translation>
    </message>
    <message>
        <source>Pull cancelled</source>
        <translation>拉取已取消</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push %1</source>
        <translation>推送 %1</translation>
    </message>
    <message>
        <source>The name says where the image goes: registry.example.com/team/app:1.0 goes to registry.example.com; a name without a registry goes to Docker Hub. Log in to the registry first in Settings if it asks for a password.</source>
        <translation>名称决定了镜像推送到哪里：registry.example.com/team/app:1.0 会推送到 registry.example.com；不带镜像仓库的名称会推送到 Docker Hub。如果镜像仓库要求密码，请先在“设置”中登录。</translation>
    </message>
    <message>
        <source>Push as</source>
        <translation>推送为</translation>
    </message>
    <message>
        <source>Push again</source>
        <translation>再次推送</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel push</source>
        <translation>取消推送</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PushJob</name>
    <message>
        <source>A push needs a name and tag, not a digest: write the target as NAME[:TAG].</source>
        <translation>推送需要名称和标签，而不是摘要 (digest)：请把目标写成 NAME[:TAG]。</translation>
    </message>
    <message>
        <source>Push cancelled</source>
        <translation>推送已取消</translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation>%1：摘要 (digest)：%2 大小：%3</translation>
    </message>
    <message>
        <source>Pushed %1</source>
        <translation>已推送 %1</translation>
    </message>
</context>
<context>
    <name>RemoveContainerDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>This deletes the container, its log and every file it changed or wrote outside its volumes. The image and named volumes stay.</source>
        <translation>这会删除该容器、它的日志，以及它在数据卷之外修改或写入的所有文件。镜像和命名数据卷会保留。</translation>
    </message>
    <message>
        <source>%1 is running. Stop it first, or tick Force to kill it (SIGKILL) and remove it.</source>
        <translation>%1 正在运行。请先停止它，或勾选“强制”以杀死（SIGKILL）并删除它。</translation>
    </message>
    <message>
        <source>Force: kill it if it is running (rm -f)</source>
        <translation>强制：如果它正在运行，就先杀死它（rm -f）</translation>
    </message>
    <message>
        <source>Also remove its anonymous volumes (rm -v)</source>
        <translation>同时删除它的匿名卷（rm -v）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>This removes the name. The image&apos;s layers are deleted only when no other name or container still uses them.</source>
        <translation>这会删除这个名称。只有当没有其他名称或容器还在使用时，镜像的镜像层才会被删除。</translation>
    </message>
    <message>
        <source>Force (also when the image has other names)</source>
        <translation>强制删除（即使镜像还有其他名称）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RemoveVolumeDialog</name>
    <message>
        <source>Remove volume %1?</source>
        <translation>删除数据卷 %1？</translation>
    </message>
    <message>
        <source>This deletes the volume and every file in it. It cannot be undone.</source>
        <translation>这会删除该数据卷及其中的所有文件，且无法撤销。</translation>
    </message>
    <message>
        <source>%1 is used by %2. Remove those containers first (stopping is not enough: a stopped container still holds its volumes), then remove the volume.</source>
        <translation>%1 正被 %2 使用。请先删除这些容器（仅停止是不够的：已停止的容器仍然占用它的数据卷），然后再删除该数据卷。</translation>
    </message>
    <message>
        <source>Force: no error if it is already gone (-f)</source>
        <translation>强制：即使它已经不存在也不报错（-f）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Remove this row</source>
        <translation>删除这一行</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Run a container</source>
        <translation>运行容器</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>an image of this computer, e.g. busybox:latest</source>
        <translation>这台计算机上的镜像，例如 busybox:latest</translation>
    </message>
    <message>
        <source>Local images ▾</source>
        <translation>本地镜像 ▾</translation>
    </message>
    <message>
        <source>Choose one of the images this computer has (Down arrow in the field)</source>
        <translation>从这台计算机已有的镜像中选择一个（在输入框中按向下方向键）</translation>
    </message>
    <message>
        <source>No local images yet: type a name (it must be pulled first, on the Images panel).</source>
        <translation>还没有本地镜像：请输入一个名称（需要先在“镜像”面板中拉取它）。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>optional; Berth makes one up when empty</source>
        <translation>可选；留空时由 Berth 自动生成</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>optional; e.g. sleep 3600 (empty: the image&apos;s own command)</source>
        <translation>可选；例如 sleep 3600（留空：使用镜像自带的命令）</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>+ Add variable</source>
        <translation>+ 添加变量</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>/host/folder:/data  or  volume-name:/data:ro</source>
        <translation>/host/folder:/data  或  volume-name:/data:ro</translation>
    </message>
    <message>
        <source>+ Add volume or folder</source>
        <translation>+ 添加数据卷或目录</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>资源限制</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>e.g. 256m</source>
        <translation>例如 256m</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation>例如 0.5</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation>例如 100</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <source>no (never restart)</source>
        <translation>no（从不重启）</translation>
    </message>
    <message>
        <source>on-failure (exit code ≠ 0)</source>
        <translation>on-failure（退出码 ≠ 0 时）</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always（总是重启）</translation>
    </message>
    <message>
        <source>unless-stopped</source>
        <translation>unless-stopped（除非手动停止）</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>∞ retries</source>
        <translation>∞ 次重试</translation>
    </message>
    <message>
        <source>Remove the container when it exits (--rm)</source>
        <translation>容器退出时自动删除（--rm）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Give it a terminal and keep its input open, to attach to later (-it)</source>
        <translation>分配终端并保持输入打开，以便稍后附加（-it）</translation>
    </message>
</context>
<context>
    <name>RunForm</name>
    <message>
        <source>Choose an image from the list or type one, for example busybox.</source>
        <translation>请从列表中选择镜像或输入镜像名称，例如 busybox。</translation>
    </message>
    <message>
        <source>`%1` is not a valid container name: use letters, digits and _ . - (at least two characters, starting with a letter or digit), or leave it empty for a generated name.</source>
        <translation>`%1` 不是有效的容器名称：请使用字母、数字和 _ . -（至少两个字符，以字母或数字开头），或者留空以自动生成名称。</translation>
    </message>
    <message>
        <source>A quote in the command is not closed: close it, or put a backslash before it to keep it as text.</source>
        <translation>命令中有未闭合的引号：请把它闭合，或在它前面加反斜杠，把它当作普通文字。</translation>
    </message>
    <message>
        <source>`%1` has no value: write NAME=value, for example DEBUG=1.</source>
        <translation>`%1` 没有值：请写成 NAME=value，例如 DEBUG=1。</translation>
    </message>
    <message>
        <source>`%1` has no variable name before the =: write NAME=value.</source>
        <translation>`%1` 的 = 前面没有变量名：请写成 NAME=value。</translation>
    </message>
    <message>
        <source>`%1` is not a variable name: names cannot contain spaces.</source>
        <translation>`%1` 不是变量名：变量名不能包含空格。</translation>
    </message>
    <message>
        <source>Write SOURCE:/path/in/container, optionally followed by :ro for read-only; SOURCE is a folder of this computer (/home/me/data) or a volume name (data).</source>
        <translation>请写成 SOURCE:/path/in/container，可以在后面加 :ro 表示只读；SOURCE 是这台计算机上的目录（/home/me/data）或数据卷名称（data）。</translation>
    </message>
    <message>
        <source>`%1` is not a mount. %2</source>
        <translation>`%1` 不是有效的挂载。%2</translation>
    </message>
    <message>
        <source>`%1` has too many colons. %2</source>
        <translation>`%1` 中的冒号太多。%2</translation>
    </message>
    <message>
        <source>`%1` has no source before the colon. %2</source>
        <translation>`%1` 的冒号前面没有来源。%2</translation>
    </message>
    <message>
        <source>`%1` is neither an absolute folder path nor a volume name (letters, digits, _ . -).</source>
        <translation>`%1` 既不是目录的绝对路径，也不是数据卷名称（字母、数字、_ . -）。</translation>
    </message>
    <message>
        <source>The container path `%1` must be absolute, for example /data.</source>
        <translation>容器内路径 `%1` 必须是绝对路径，例如 /data。</translation>
    </message>
    <message>
        <source>Nothing can be mounted over the container&apos;s / : choose a folder such as /data.</source>
        <translation>不能挂载到容器的 / 上：请选择 /data 这样的目录。</translation>
    </message>
    <message>
        <source>`%1` is not a mount mode: write ro for read-only or rw (the default).</source>
        <translation>`%1` 不是挂载模式：请写 ro（只读）或 rw（读写，默认）。</translation>
    </message>
    <message>
        <source>`%1` is not a size: give a number with k, m or g, for example 512m or 1g.</source>
        <translation>`%1` 不是有效的大小：请给出带 k、m 或 g 的数字，例如 512m 或 1g。</translation>
    </message>
    <message>
        <source>`%1` is too little: the smallest memory limit is 6m.</source>
        <translation>`%1` 太小：内存限制最小为 6m。</translation>
    </message>
    <message>
        <source>`%1` is not a number of CPUs: give one such as 0.5 or 2.</source>
        <translation>`%1` 不是有效的 CPU 数：请给出 0.5 或 2 这样的数。</translation>
    </message>
    <message>
        <source>`%1` is more than the %2 CPUs this computer has: give at most %2.</source>
        <translation>`%1` 超过了这台计算机的 CPU 数（%2 个）：最多只能给 %2。</translation>
    </message>
    <message>
        <source>`%1` is not a process limit: give a whole number such as 100, or -1 for no limit.</source>
        <translation>`%1` 不是有效的进程数限制：请给出 100 这样的整数，或用 -1 表示不限制。</translation>
    </message>
    <message>
        <source>`%1` is not a restart policy: choose no, on-failure, always or unless-stopped.</source>
        <translation>`%1` 不是有效的重启策略：请选择 no、on-failure、always 或 unless-stopped。</translation>
    </message>
    <message>
        <source>`%1` is not a number of retries: give a whole number, or leave it empty to retry for ever.</source>
        <translation>`%1` 不是有效的重试次数：请给出一个整数，或者留空表示无限重试。</translation>
    </message>
    <message>
        <source>A container removed when it exits cannot also be restarted: untick &quot;Remove when it exits&quot; or choose the restart policy no.</source>
        <translation>退出时自动删除的容器不能再被重启：请取消勾选“容器退出时自动删除”，或选择重启策略 no。</translation>
    </message>
    <message>
        <source>Creating the container…</source>
        <translation>正在创建容器…</translation>
    </message>
    <message>
        <source>Could not create the container: %1</source>
        <translation>无法创建容器：%1</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>Created %1 but could not start it: %2</source>
        <translation>已创建 %1，但无法启动它：%2</translation>
    </message>
    <message>
        <source>It was removed, as --rm asks.</source>
        <translation>按照 --rm 的要求，它已被删除。</translation>
    </message>
    <message>
        <source>It stays in the list as created: fix the cause and start it, or remove it.</source>
        <translation>它以“已创建”状态留在列表中：请排除问题后启动它，或者删除它。</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>Save images as</source>
        <translation>将镜像保存为</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Image archives (*.tar)</source>
        <translation>镜像归档文件 (*.tar)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The archive holds the images&apos; layers and settings, as docker save writes it: load it on another computer with Berth, docker load or podman load.</source>
        <translation>归档文件包含镜像的镜像层和设置，格式与 docker save 生成的相同：可以在另一台计算机上用 Berth、docker load 或 podman load 载入。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel save</source>
        <translation>取消保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SaveJob</name>
    <message>
        <source>Choose at least one image to save.</source>
        <translation>请至少选择一个要保存的镜像。</translation>
    </message>
    <message>
        <source>Choose the file to save the images to.</source>
        <translation>请选择用来保存镜像的文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name inside it, e.g. %2.</source>
        <translation>%1 是一个文件夹；请在其中选择一个文件名，例如 %2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to.</source>
        <translation>无法写入 %1：%2。请选择一个你有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Save cancelled; %1 was not written</source>
        <translation>保存已取消；没有写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s) to %1</source>
        <translation>
            <numerusform>已把 %n 个镜像保存到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), %1 written</source>
        <translation>
            <numerusform>%n 个镜像层，已写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation>daemon.json：%1</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Return to the default, %1</source>
        <translation>恢复为默认值 %1</translation>
    </message>
    <message>
        <source>Return to the default (empty)</source>
        <translation>恢复为默认值（空）</translation>
    </message>
    <message>
        <source>Saved. New containers and pulls use it.</source>
        <translation>已保存。之后新建的容器和拉取操作会使用它。</translation>
    </message>
    <message>
        <source>not in Docker&apos;s daemon.json</source>
        <translation>Docker 的 daemon.json 中没有此项</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The engine&apos;s settings, like Docker&apos;s daemon.json. Lists are separated by commas. A change applies to containers and pulls started after it.</source>
        <translation>引擎设置，相当于 Docker 的 daemon.json。列表项用英文逗号分隔。修改只对之后启动的容器和拉取生效。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Container workbench</source>
        <translation>容器工作台</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>即将推出</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
</context>
<context>
    <name>StatsChartCard</name>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Helper reachable</source>
        <translation>辅助进程可用</translation>
    </message>
    <message>
        <source>Helper not reachable</source>
        <translation>辅助进程不可用</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Storage root</source>
        <translation>存储根目录</translation>
    </message>
    <message>
        <source>Kernel features containers are made of</source>
        <translation>构成容器的内核特性</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation>版本 %1（%2）</translation>
    </message>
    <message>
        <source>v1 controllers: %1</source>
        <translation>v1 控制器：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>命名空间 (namespaces)</translation>
    </message>
    <message>
        <source>user namespaces: %1 (%2)</source>
        <translation>用户命名空间 (user namespaces)：%1（%2）</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Mirrors</source>
        <translation>镜像加速器</translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation>不安全的镜像仓库</translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one unified tree holds every controller.</source>
        <translation>这台计算机使用 cgroup v2：所有控制器都在同一棵统一的层级树中。</translation>
    </message>
    <message>
        <source>This computer uses a hybrid layout: the old per-controller v1 trees do the limiting, and a v2 tree is mounted beside them.</source>
        <translation>这台计算机使用混合 (hybrid) 布局：由旧式的 v1 层级树（每个控制器一棵）负责限制，旁边另外挂载了一棵 v2 层级树。</translation>
    </message>
    <message>
        <source>This computer uses cgroup v1: one tree per controller.</source>
        <translation>这台计算机使用 cgroup v1：每个控制器一棵层级树。</translation>
    </message>
    <message>
        <source>No cgroup hierarchy was found, so containers cannot be limited.</source>
        <translation>没有找到 cgroup 层级，因此无法限制容器的资源。</translation>
    </message>
    <message>
        <source>What Berth&apos;s engine reports about itself and this computer, and what each part is for.</source>
        <translation>Berth 引擎报告的自身状态和这台计算机的信息，以及每一项的用途。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>free of %1</source>
        <translation>可用，共 %1</translation>
    </message>
    <message>
        <source>Where images, layers, containers and volumes are kept.</source>
        <translation>镜像、镜像层、容器和数据卷存放的位置。</translation>
    </message>
    <message>
        <source>Storage driver</source>
        <translation>存储驱动</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，位于 %2 之上</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台计算机</translation>
    </message>
    <message>
        <source>Containers share this computer&apos;s kernel; there is no second operating system inside them.</source>
        <translation>容器共用这台计算机的内核；容器里面并没有第二个操作系统。</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Processors and memory</source>
        <translation>处理器和内存</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n 个 CPU，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>A container is an ordinary process that the kernel isolates and limits. The helper checked each of these features when it started.</source>
        <translation>容器就是一个被内核隔离和限制的普通进程。辅助进程启动时检查了下面每一项特性。</translation>
    </message>
    <message>
        <source>Give a process its own view of the system: its own process numbers (it sees itself as PID 1), mounts, network, host name and users. This isolation is what makes a process a container.</source>
        <translation>让进程拥有自己眼中的系统：自己的进程号（它把自己看作 PID 1）、挂载点、网络、主机名和用户。正是这种隔离让一个进程成为容器。</translation>
    </message>
    <message>
        <source>User namespaces let root inside a container be an unprivileged user outside it.</source>
        <translation>用户命名空间让容器内的 root 在容器外只是一个无特权的普通用户。</translation>
    </message>
    <message>
        <source>v2 controllers: %1 (at %2)</source>
        <translation>v2 控制器：%1（位于 %2）</translation>
    </message>
    <message>
        <source>Control groups count and limit what a group of processes may use: memory, CPU time, the number of processes. Each container gets its own group.</source>
        <translation>控制组 (cgroups) 统计并限制一组进程能使用的资源：内存、CPU 时间、进程数量。每个容器都有自己的控制组。</translation>
    </message>
    <message>
        <source>Shows an image&apos;s read-only layers as one directory tree and puts a writable layer on top for each container, so many containers share one copy of the image.</source>
        <translation>把镜像的只读层合并成一棵目录树，并为每个容器在最上面加一个可写层，因此许多容器可以共用同一份镜像。</translation>
    </message>
    <message>
        <source>%1, libseccomp %2</source>
        <translation>%1，libseccomp %2</translation>
    </message>
    <message>
        <source>A filter on system calls, the requests a process makes to the kernel. A container is refused calls it should never need, such as loading kernel modules.</source>
        <translation>系统调用（进程向内核发出的请求）的过滤器。容器根本不需要的调用会被拒绝，例如加载内核模块。</translation>
    </message>
    <message>
        <source>Where images are pulled from besides Docker Hub.</source>
        <translation>除 Docker Hub 之外拉取镜像的来源。</translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <translation>在“设置”中修改</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag %1</source>
        <translation>为 %1 打标签</translation>
    </message>
    <message>
        <source>A tag is another name for the same image: no layer is copied. Push uses the name to know which registry to send the image to.</source>
        <translation>标签是同一个镜像的另一个名称：不会复制任何镜像层。推送时根据这个名称决定把镜像发送到哪个镜像仓库。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnreachableNotice</name>
    <message>
        <source>The helper could not answer</source>
        <translation>辅助进程无法应答</translation>
    </message>
    <message>
        <source>Berth&apos;s helper is not reachable</source>
        <translation>无法连接 Berth 的辅助进程</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>VolumeDirectoryModel</name>
    <message>
        <source>%1 points to %2, which is not inside this volume. Links are followed only inside the volume: what lies outside belongs to the containers that mount it, or to this computer, and is not shown here.</source>
        <translation>%1 指向 %2，它不在这个数据卷中。只在数据卷内部跟随链接：数据卷之外的内容属于挂载它的容器或这台计算机，不在这里显示。</translation>
    </message>
    <message>
        <source>%1 points to %2, which is a file, not a folder; only folders can be opened.</source>
        <translation>%1 指向 %2，那是一个文件而不是目录；只有目录才能打开。</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>VolumeFilesTab</name>
    <message>
        <source>↑ Up</source>
        <translation>↑ 上一级</translation>
    </message>
    <message>
        <source>%1 (top)</source>
        <translation>%1（顶层）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds more entries than are shown (the first %n by name).</source>
        <translation>
            <numerusform>此目录中的条目比显示的多（只显示按名称排序的前 %n 项）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Files of %1</source>
        <translation>%1 中的文件</translation>
    </message>
    <message>
        <source>This volume is empty. A container that mounts it (-v %1:/path) can write here.</source>
        <translation>这个数据卷是空的。挂载它的容器（-v %1:/path）可以往这里写入文件。</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>此目录为空。</translation>
    </message>
</context>
<context>
    <name>VolumeListModel</name>
    <message>
        <source> ago</source>
        <translation> 前</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>A volume name starts with a letter or digit and has at least two characters: letters, digits, _ . or -. Leave it empty for a generated name.</source>
        <translation>数据卷名称必须以字母或数字开头，至少两个字符，只能包含字母、数字、_ . 或 -。留空则自动生成名称。</translation>
    </message>
    <message>
        <source>A label line starts with its key: write KEY=VALUE, one per line.</source>
        <translation>每行标签都要以键开头：请写成 KEY=VALUE，每行一个。</translation>
    </message>
    <message>
        <source>`%1` failed: %2</source>
        <translation>`%1` 失败：%2</translation>
    </message>
    <message>
        <source>Created volume %1</source>
        <translation>已创建数据卷 %1</translation>
    </message>
    <message>
        <source>%1 is in use by %2. Remove those containers first (berth rm), then remove the volume. (`%3` refused: %4)</source>
        <translation>%1 正被 %2 使用。请先删除这些容器（berth rm），然后再删除该数据卷。（`%3` 被拒绝：%4）</translation>
    </message>
    <message>
        <source>Removed volume %1</source>
        <translation>已删除数据卷 %1</translation>
    </message>
    <message>
        <source>Nothing to prune: every volume is in use.</source>
        <translation>没有可清理的内容：所有数据卷都在使用中。</translation>
    </message>
    <message>
        <source>Nothing to prune: no anonymous volume is unused. Tick &quot;Named volumes too&quot; to include named ones.</source>
        <translation>没有可清理的内容：没有未使用的匿名卷。勾选“同时清理命名数据卷”即可把命名数据卷也包括进来。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n volume(s), reclaimed %1</source>
        <translation>
            <numerusform>已删除 %n 个数据卷，回收了 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeTable</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>被 %1 使用</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Anonymous volume %1</source>
        <translation>匿名卷 %1</translation>
    </message>
</context>
<context>
    <name>VolumeView</name>
    <message>
        <source>← Volumes</source>
        <translation>← 数据卷</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签 (Labels)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>No container uses it. Mount it with: berth run -v %1:/data IMAGE</source>
        <translation>没有容器使用它。可以这样挂载：berth run -v %1:/data IMAGE</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1，挂载于 %2</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>What `berth volume inspect %1` prints: Docker&apos;s field names, plus UsedBy and the measured UsageData.</source>
        <translation>`berth volume inspect %1` 的输出：使用 Docker 的字段名，另外加上 UsedBy 和实际测量的 UsageData。</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
</context>
<context>
    <name>VolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Storage that outlives containers. Double-click a volume to browse its files.</source>
        <translation>比容器活得更久的存储。双击数据卷可浏览其中的文件。</translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation>清理…</translation>
    </message>
    <message>
        <source>Remove volumes no container uses (berth volume prune)</source>
        <translation>删除没有被容器使用的数据卷（berth volume prune）</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Create a named volume (Ctrl+N)</source>
        <translation>创建命名数据卷（Ctrl+N）</translation>
    </message>
    <message>
        <source>Filter by name, label or container</source>
        <translation>按名称、标签或容器筛选</translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s)</source>
        <translation>
            <numerusform>%n 个数据卷</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused</source>
        <translation>
            <numerusform>%n 个未使用</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No volume matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的数据卷。</translation>
    </message>
    <message>
        <source>No volumes yet. Click Create… to make one, or run a container with -v NAME:/path.</source>
        <translation>还没有数据卷。点击“创建…”新建一个，或者用 -v NAME:/path 运行容器。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Browse files</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Copy mountpoint</source>
        <translation>复制挂载点</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings.</source>
        <translation>容器启动时所用的模板：一叠只读的镜像层加上一些配置。</translation>
    </message>
    <message>
        <source>Pull an image from a registry, through your registry mirror if you set one.</source>
        <translation>从镜像仓库拉取镜像；如果设置了镜像加速器，就通过加速器拉取。</translation>
    </message>
    <message>
        <source>See each image&apos;s tags, size and history, and what every layer added.</source>
        <translation>查看每个镜像的标签、大小和历史，以及每一层添加了什么。</translation>
    </message>
    <message>
        <source>Browse the files of a layer, and remove images you no longer need.</source>
        <translation>浏览某一层中的文件，删除不再需要的镜像。</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Processes started from an image, isolated by namespaces and limited by cgroups.</source>
        <translation>从镜像启动的进程，由命名空间隔离、由 cgroups 限制。</translation>
    </message>
    <message>
        <source>Run a container from an image, with ports, volumes and limits chosen in a form.</source>
        <translation>从镜像运行容器，在表单中选择端口、数据卷和资源限制。</translation>
    </message>
    <message>
        <source>Start, stop and remove containers; read their logs as they are written.</source>
        <translation>启动、停止和删除容器；实时查看它们的日志。</translation>
    </message>
    <message>
        <source>Open a terminal inside a running container and watch its CPU and memory.</source>
        <translation>在运行中的容器里打开终端，观察它的 CPU 和内存占用。</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Storage that outlives containers: named volumes and folders of this computer.</source>
        <translation>比容器活得更久的存储：命名数据卷和这台计算机上的目录。</translation>
    </message>
    <message>
        <source>Create and remove named volumes, and see which containers use each.</source>
        <translation>创建和删除命名数据卷，查看每个数据卷被哪些容器使用。</translation>
    </message>
    <message>
        <source>Browse the files in a volume.</source>
        <translation>浏览数据卷中的文件。</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>How containers reach each other and the outside: bridges, addresses and published ports.</source>
        <translation>容器之间以及与外界如何通信：网桥、地址和发布的端口。</translation>
    </message>
    <message>
        <source>See each bridge network, its subnet, and the containers attached to it.</source>
        <translation>查看每个 bridge 网络、它的子网以及连接到它的容器。</translation>
    </message>
    <message>
        <source>See which ports of this computer lead into which container.</source>
        <translation>查看这台计算机的哪些端口通向哪个容器。</translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation>Dockerfile</translation>
    </message>
    <message>
        <source>The recipe an image is built from, one instruction per layer.</source>
        <translation>构建镜像的配方，每条指令对应一层。</translation>
    </message>
    <message>
        <source>Edit a Dockerfile as text or as a list of steps, with mistakes pointed out as you type.</source>
        <translation>以文本或步骤列表的形式编辑 Dockerfile，输入时即时指出错误。</translation>
    </message>
    <message>
        <source>Build it and follow each step&apos;s output, with steps taken from the cache marked.</source>
        <translation>构建镜像并查看每一步的输出，使用了缓存的步骤会被标出。</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <source>What a container really is, shown with the engine on this computer.</source>
        <translation>容器到底是什么——用这台计算机上的引擎演示给你看。</translation>
    </message>
    <message>
        <source>Short lessons that run real commands: layers, namespaces, cgroups, ports.</source>
        <translation>运行真实命令的简短课程：镜像层、命名空间、cgroups、端口。</translation>
    </message>
    <message>
        <source>Each lesson links to the panel and the berth command that does the same.</source>
        <translation>每节课都会链接到能做同样事情的面板和 berth 命令。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>download an image, through your registry mirror if you set one</source>
        <translation>下载镜像；如果设置了镜像加速器，就通过加速器下载</translation>
    </message>
    <message>
        <source>list the images this computer has</source>
        <translation>列出这台计算机上的镜像</translation>
    </message>
    <message>
        <source>an image&apos;s configuration and layers, as JSON</source>
        <translation>以 JSON 显示镜像的配置和镜像层</translation>
    </message>
    <message>
        <source>Drop to load the images in %1</source>
        <translation>松开鼠标即可载入 %1 中的镜像</translation>
    </message>
</context>
<context>
    <name>berth::cli</name>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Print usage</source>
        <translation>显示用法</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes %2 argument(s), got %3.</source>
        <translation>“%1”需要 %2 个参数，实际给了 %3 个。</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (like daemon.json), or empty for the table</source>
        <translation>输出格式：&quot;json&quot;（与 daemon.json 相同），留空则输出表格</translation>
    </message>
    <message>
        <source>Show engine settings: all of them, or the value of one</source>
        <translation>显示引擎设置：全部设置，或其中一项的值</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use --format json</source>
        <translation>未知的格式“%1”：请使用 --format json</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Change an engine setting (lists are comma-separated; an empty VALUE empties a list)</source>
        <translation>修改一项引擎设置（列表用英文逗号分隔；VALUE 为空表示清空列表）</translation>
    </message>
    <message>
        <source>Return an engine setting to its default</source>
        <translation>把一项引擎设置恢复为默认值</translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (like Docker&apos;s daemon.json)</source>
        <translation>管理引擎设置（相当于 Docker 的 daemon.json）</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Show all settings, or one</source>
        <translation>显示全部设置或其中一项</translation>
    </message>
    <message>
        <source>Change a setting</source>
        <translation>修改一项设置</translation>
    </message>
    <message>
        <source>Return a setting to its default</source>
        <translation>把一项设置恢复为默认值</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>设置项：</translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation>daemon.json：%1</translation>
    </message>
    <message>
        <source>Run &apos;berth config COMMAND --help&apos; for more information on a command.</source>
        <translation>运行 &apos;berth config COMMAND --help&apos; 查看某个命令的详细说明。</translation>
    </message>
    <message>
        <source>berth config needs a command.</source>
        <translation>berth config 需要一个子命令。</translation>
    </message>
    <message>
        <source>berth config: unknown command &quot;%1&quot;.</source>
        <translation>berth config：未知命令“%1”。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务端：</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Server Version</source>
        <translation>服务端版本</translation>
    </message>
    <message>
        <source>Storage Driver</source>
        <translation>存储驱动</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>是否支持</translation>
    </message>
    <message>
        <source>Backing Filesystem</source>
        <translation>底层文件系统</translation>
    </message>
    <message>
        <source>Cgroup Version</source>
        <translation>Cgroup 版本</translation>
    </message>
    <message>
        <source>v1 controllers</source>
        <translation>v1 控制器</translation>
    </message>
    <message>
        <source>v2 controllers</source>
        <translation>v2 控制器</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Security Options:</source>
        <translation>安全选项：</translation>
    </message>
    <message>
        <source>Kernel Version</source>
        <translation>内核版本</translation>
    </message>
    <message>
        <source>Operating System</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Total Memory</source>
        <translation>内存总量</translation>
    </message>
    <message>
        <source>Berth Root Dir</source>
        <translation>Berth 根目录</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用空间</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <source>Registry Mirrors</source>
        <translation>镜像加速器</translation>
    </message>
    <message>
        <source>Insecure Registries</source>
        <translation>不安全的镜像仓库</translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the text report</source>
        <translation>输出格式：&quot;json&quot;，留空则输出文本报告</translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation>显示系统信息</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>OS/Arch</source>
        <translation>系统/架构</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the table</source>
        <translation>输出格式：&quot;json&quot;，留空则输出表格</translation>
    </message>
    <message>
        <source>Show the Berth version information</source>
        <translation>显示 Berth 版本信息</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <source>Server: Berth Engine</source>
        <translation>服务端：Berth 引擎</translation>
    </message>
    <message>
        <source>Show all images (default hides intermediate images)</source>
        <translation>显示所有镜像（默认隐藏中间镜像）</translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation>只显示镜像 ID</translation>
    </message>
    <message>
        <source>Show digests</source>
        <translation>显示摘要 (digest)</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>Filter output: dangling=true|false, reference=PATTERN</source>
        <translation>过滤输出：dangling=true|false，reference=PATTERN</translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per line), or empty for the table</source>
        <translation>输出格式：&quot;json&quot;（每行一个对象），留空则输出表格</translation>
    </message>
    <message>
        <source>List images</source>
        <translation>列出镜像</translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use dangling=true|false or reference=PATTERN</source>
        <translation>无效的过滤条件“%1”：请使用 dangling=true|false 或 reference=PATTERN</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>REPOSITORY</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>IMAGE ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>Format the output using a template: {{.Field}} or {{json .Field}}</source>
        <translation>用模板格式化输出：{{.Field}} 或 {{json .Field}}</translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation>返回 Berth 对象的底层信息</translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.Field}}, {{.Field.Sub}} or {{json .Field}}</source>
        <translation>不支持模板“%1”：请使用 {{.Field}}、{{.Field.Sub}} 或 {{json .Field}}</translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation>管理镜像</translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation>显示一个或多个镜像的详细信息</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>从镜像仓库下载镜像</translation>
    </message>
    <message>
        <source>berth image needs a command.</source>
        <translation>berth image 需要一个子命令。</translation>
    </message>
    <message>
        <source>berth image: unknown command &quot;%1&quot;.</source>
        <translation>berth image：未知命令“%1”。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>解压中</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Pull for this platform, e.g. linux/arm64</source>
        <translation>拉取指定平台的镜像，例如 linux/arm64</translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation>不输出详细信息</translation>
    </message>
    <message>
        <source>Download all tagged images in the repository</source>
        <translation>下载仓库中所有带标签的镜像</translation>
    </message>
    <message>
        <source>Using default tag: latest</source>
        <translation>使用默认标签：latest</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>摘要 (Digest)：%1</translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation>状态：已为 %1 下载较新的镜像</translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation>状态：%1 的镜像已是最新</translation>
    </message>
    <message>
        <source>Cancelling the pull…</source>
        <translation>正在取消拉取…</translation>
    </message>
    <message>
        <source>Force removal of the image (all its tags, even if containers use it)</source>
        <translation>强制删除镜像（删除它的所有标签，即使有容器在使用）</translation>
    </message>
    <message>
        <source>Do not delete untagged parents (Berth keeps no parent images, so there are none)</source>
        <translation>不删除没有标签的父镜像（Berth 不保留父镜像，所以实际上没有）</translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation>删除一个或多个镜像</translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation>已取消标签：%1</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation>创建指向 SOURCE_IMAGE 的标签 TARGET_IMAGE</translation>
    </message>
    <message>
        <source>Print sizes and dates in human readable format (default true; -H=false turns it off)</source>
        <translation>以易读的格式显示大小和日期（默认开启；-H=false 关闭）</translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation>显示镜像的历史</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>IMAGE</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>CREATED BY</translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation>COMMENT</translation>
    </message>
    <message>
        <source>Max number of search results (default 25)</source>
        <translation>搜索结果的最大数量（默认 25）</translation>
    </message>
    <message>
        <source>Filter output: stars=N, is-official=true|false</source>
        <translation>过滤输出：stars=N，is-official=true|false</translation>
    </message>
    <message>
        <source>Search Docker Hub, or a private registry&apos;s catalog as HOST:PORT/TERM</source>
        <translation>搜索 Docker Hub；要搜索私有镜像仓库的目录，写成 HOST:PORT/TERM</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 100, got &quot;%1&quot;</source>
        <translation>--limit 需要 1 到 100 之间的数字，实际给了“%1”</translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use stars=N or is-official=true|false</source>
        <translation>无效的过滤条件“%1”：请使用 stars=N 或 is-official=true|false</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message>
        <source>STARS</source>
        <translation>STARS</translation>
    </message>
    <message>
        <source>OFFICIAL</source>
        <translation>OFFICIAL</translation>
    </message>
    <message>
        <source>[OK]</source>
        <translation>[OK]</translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation>从 tar 归档文件或标准输入 (STDIN) 载入镜像</translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation>把一个或多个镜像保存为 tar 归档文件（默认输出到标准输出 STDOUT）</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Take the password from stdin</source>
        <translation>从标准输入 (stdin) 读取密码</translation>
    </message>
    <message>
        <source>Log in to a registry. If no server is given, Docker Hub (docker.io) is used. The login is checked against the registry, then kept by Berth&apos;s helper for your user only.</source>
        <translation>登录镜像仓库。未指定服务器时使用 Docker Hub (docker.io)。登录信息会先经镜像仓库验证，然后由 Berth 的辅助进程只为你这个用户保存。</translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation>--password 和 --password-stdin 不能同时使用</translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation>使用 --password-stdin 时必须同时提供 --username</translation>
    </message>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation>警告！在命令行中使用 --password 不安全，请改用 --password-stdin。</translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give -u USERNAME and --password-stdin</source>
        <translation>无法在非终端 (TTY) 设备上交互式登录；请提供 -u USERNAME 和 --password-stdin</translation>
    </message>
    <message>
        <source>Username: </source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Username is required</source>
        <translation>必须提供用户名</translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give --password-stdin</source>
        <translation>无法在非终端 (TTY) 设备上交互式登录；请使用 --password-stdin</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password is required</source>
        <translation>必须提供密码</translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Log out from a registry: forget the login `berth login` stored for your user. If no server is given, Docker Hub (docker.io) is used.</source>
        <translation>退出镜像仓库登录：删除 `berth login` 为你这个用户保存的登录信息。未指定服务器时使用 Docker Hub (docker.io)。</translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation>正在删除 %1 的登录凭据</translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation>尚未登录 %1</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>推送中</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>推送完成</translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation>镜像层已存在</translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation>已从 %1 挂载</translation>
    </message>
    <message>
        <source>Upload each blob in chunks of this size, e.g. 5m (default: one request per blob, chunks of 32m above 128m)</source>
        <translation>按此大小分块上传每个 blob，例如 5m（默认：每个 blob 一次请求，超过 128m 时按 32m 分块）</translation>
    </message>
    <message>
        <source>Upload an image to a registry. With IMAGE, that local image is pushed as NAME[:TAG] without tagging it first (as podman push SOURCE DESTINATION).</source>
        <translation>把镜像上传到镜像仓库。指定 IMAGE 时，直接把这个本地镜像推送为 NAME[:TAG]，无需先打标签（与 podman push SOURCE DESTINATION 相同）。</translation>
    </message>
    <message>
        <source>cannot push to a digest; write the target as NAME[:TAG]</source>
        <translation>不能推送到摘要 (digest)；请把目标写成 NAME[:TAG]</translation>
    </message>
    <message>
        <source>--chunk-size takes a size of at least 4k, such as 64k, 5m or 1g; got &quot;%1&quot;</source>
        <translation>--chunk-size 需要至少 4k 的大小，例如 64k、5m 或 1g；实际给了“%1”</translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation>%1：摘要 (digest)：%2 大小：%3</translation>
    </message>
    <message>
        <source>Cancelling the push…</source>
        <translation>正在取消推送…</translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation>写入文件，而不是标准输出 (STDOUT)</translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation>拒绝把镜像保存到终端。请使用 -o 参数或重定向输出</translation>
    </message>
    <message>
        <source>-o needs a file name</source>
        <translation>-o 需要一个文件名</translation>
    </message>
    <message>
        <source>%1 is a directory; give a file name to -o</source>
        <translation>%1 是一个目录；请给 -o 指定文件名</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cancelling the save…</source>
        <translation>正在取消保存…</translation>
    </message>
    <message>
        <source>Read from tar archive file (or an OCI layout directory), instead of STDIN</source>
        <translation>从 tar 归档文件（或 OCI layout 目录）读取，而不是标准输入 (STDIN)</translation>
    </message>
    <message>
        <source>Suppress the load output</source>
        <translation>不输出载入过程</translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN (docker save, podman save, OCI archives and layouts)</source>
        <translation>从 tar 归档文件或标准输入 (STDIN) 载入镜像（支持 docker save、podman save、OCI 归档和 OCI layout）</translation>
    </message>
    <message>
        <source>-i needs a file name</source>
        <translation>-i 需要一个文件名</translation>
    </message>
    <message>
        <source>requested load from stdin, but stdin is empty</source>
        <translation>要求从标准输入载入，但标准输入是空的</translation>
    </message>
    <message>
        <source>%1 is a directory without index.json or manifest.json: not an OCI layout or an unpacked image archive</source>
        <translation>%1 是一个没有 index.json 或 manifest.json 的目录：它既不是 OCI layout，也不是解包后的镜像归档</translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation>打开 %1：%2</translation>
    </message>
    <message>
        <source>Cancelling the load…</source>
        <translation>正在取消载入…</translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (registry mirrors, subnets, logs)</source>
        <translation>管理引擎设置（镜像加速器、子网、日志）</translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Log out from a registry</source>
        <translation>退出镜像仓库登录</translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation>把镜像上传到镜像仓库</translation>
    </message>
    <message>
        <source>Search Docker Hub or a registry&apos;s catalog for images</source>
        <translation>在 Docker Hub 或镜像仓库的目录中搜索镜像</translation>
    </message>
    <message>
        <source>A container workbench: images, containers, volumes and networks, with a teaching GUI (berth-gui).</source>
        <translation>容器工作台：镜像、容器、数据卷和网络，并带有一个用于教学的图形界面 (berth-gui)。</translation>
    </message>
    <message>
        <source>Print version information and quit</source>
        <translation>显示版本信息并退出</translation>
    </message>
    <message>
        <source>Run &apos;berth COMMAND --help&apos; for more information on a command.</source>
        <translation>运行 &apos;berth COMMAND --help&apos; 查看某个命令的详细说明。</translation>
    </message>
    <message>
        <source>Berth version %1</source>
        <translation>Berth 版本 %1</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>未知参数：%1</translation>
    </message>
    <message>
        <source>See &apos;berth --help&apos;.</source>
        <translation>请参阅 &apos;berth --help&apos;。</translation>
    </message>
    <message>
        <source>berth: &apos;%1&apos; is not a berth command.</source>
        <translation>berth：&apos;%1&apos; 不是 berth 命令。</translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds, changes and deletes</source>
        <translation>显示镜像每一层新增、修改和删除的文件</translation>
    </message>
    <message>
        <source>Run &apos;berth image COMMAND --help&apos; for more information on a command.</source>
        <translation>运行 &apos;berth image COMMAND --help&apos; 查看某个命令的详细说明。</translation>
    </message>
    <message>
        <source>Layer %1 of %2</source>
        <translation>第 %1 层（共 %2 层）</translation>
    </message>
    <message>
        <source>(opaque directory: hides everything lower layers had in it)</source>
        <translation>（不透明目录：遮住下层镜像层中该目录里的全部内容）</translation>
    </message>
    <message>
        <source>Show only layer N, counted from 1 at the base as the layer explorer shows them</source>
        <translation>只显示第 N 层；与镜像层浏览器一样，从最底层开始按 1 计数</translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per change), or empty for docker diff&apos;s lines</source>
        <translation>输出格式：&quot;json&quot;（每个改动一个对象），留空则输出与 docker diff 相同的行</translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds (A), changes (C) and deletes (D)</source>
        <translation>显示镜像每一层新增 (A)、修改 (C) 和删除 (D) 的文件</translation>
    </message>
    <message>
        <source>--layer takes a layer number from 1 (the base layer) upwards, got &quot;%1&quot;</source>
        <translation>--layer 需要从 1（最底层）开始的层号，实际给了“%1”</translation>
    </message>
    <message>
        <source>%1 has %2 layer(s), numbered 1 (the base) to %2; there is no layer %3. Run `berth image diff %1` to see them all.</source>
        <translation>%1 有 %2 个镜像层，编号从 1（最底层）到 %2；没有第 %3 层。运行 `berth image diff %1` 查看全部镜像层。</translation>
    </message>
    <message>
        <source>Layer %1 changes more than %2 paths; only the first %2 are listed.</source>
        <translation>第 %1 层改动了超过 %2 个路径；只列出前 %2 个。</translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container</source>
        <translation>杀死容器之前等待的秒数</translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation>重启一个或多个容器</translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation>停止一个或多个正在运行的容器</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;-t, --time&quot;: give a whole number of seconds</source>
        <translation>“-t, --time”的参数“%1”无效：请给出整数秒数</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Up %1</translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation>Up %1 (Paused)</translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation>Restarting (%1) %2 ago</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>Exited (%1) %2 ago</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>创建一个新容器</translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation>在运行中的容器里执行命令</translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation>显示一个或多个容器的详细信息</translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation>杀死一个或多个正在运行的容器</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation>获取容器的日志</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation>暂停一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation>重命名容器</translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation>删除一个或多个容器</translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation>从镜像创建并运行一个新容器</translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation>启动一个或多个已停止的容器</translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation>恢复一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation>阻塞直到一个或多个容器停止，然后输出它们的退出码</translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem</source>
        <translation>在容器和本地文件系统之间复制文件/目录</translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation>检查容器文件系统中文件或目录的改动</translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation>把容器的文件系统导出为 tar 归档文件</translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation>删除所有已停止的容器</translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation>实时显示容器的资源使用统计</translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation>显示容器中正在运行的进程</translation>
    </message>
    <message>
        <source>Signal to send to the container</source>
        <translation>要发送给容器的信号</translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation>强制删除正在运行的容器（使用 SIGKILL）</translation>
    </message>
    <message>
        <source>Remove anonymous volumes associated with the container</source>
        <translation>删除与容器关联的匿名卷</translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation>显示所有容器（默认只显示正在运行的）</translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation>只显示容器 ID</translation>
    </message>
    <message>
        <source>Show n last created containers (includes all states)</source>
        <translation>显示最近创建的 n 个容器（包括所有状态）</translation>
    </message>
    <message>
        <source>Show the latest created container (includes all states)</source>
        <translation>显示最近创建的一个容器（包括所有状态）</translation>
    </message>
    <message>
        <source>Filter output based on conditions provided (status=, name=, id=, ancestor=, exited=)</source>
        <translation>根据给定条件过滤输出（status=、name=、id=、ancestor=、exited=）</translation>
    </message>
    <message>
        <source>Display total file sizes</source>
        <translation>显示文件总大小</translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: use status=, name=, id=, ancestor= or exited=</source>
        <translation>无效的过滤条件“%1”：请使用 status=、name=、id=、ancestor= 或 exited=</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>CONTAINER ID</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NAMES</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>berth container needs a command.</source>
        <translation>berth container 需要一个子命令。</translation>
    </message>
    <message>
        <source>berth container: unknown command &quot;%1&quot;.</source>
        <translation>berth container：未知命令“%1”。</translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation>管理容器</translation>
    </message>
    <message>
        <source>Run &apos;berth container COMMAND --help&apos; for more information on a command.</source>
        <translation>运行 &apos;berth container COMMAND --help&apos; 查看某个命令的详细说明。</translation>
    </message>
    <message>
        <source>Cancelling the copy…</source>
        <translation>正在取消复制…</translation>
    </message>
    <message>
        <source>Could not find the file %1 in container %2; check the path with: berth exec %2 ls</source>
        <translation>在容器 %2 中找不到文件 %1；请用以下命令检查路径：berth exec %2 ls</translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation>无法创建管道：%1</translation>
    </message>
    <message>
        <source>destination &quot;%1:%2&quot; must be a directory when the source is a tar on standard input; create it first or name a directory</source>
        <translation>当来源是标准输入上的 tar 归档时，目标“%1:%2”必须是目录；请先创建它，或指定一个目录</translation>
    </message>
    <message>
        <source>berth cp - reads a tar archive from standard input; pipe or redirect one into it</source>
        <translation>berth cp - 从标准输入读取 tar 归档；请通过管道或重定向提供一个</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to a missing file; -L cannot follow it</source>
        <translation>%1 是指向不存在文件的符号链接；-L 无法跟随它</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>MEM USAGE / LIMIT</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>MEM %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>NET I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>BLOCK I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>PIDS</translation>
    </message>
    <message>
        <source>Are you sure you want to continue? [y/N] </source>
        <translation>确定要继续吗？ [y/N] </translation>
    </message>
    <message>
        <source>Archive mode (copy all uid/gid information)</source>
        <translation>归档模式（复制所有 uid/gid 信息）</translation>
    </message>
    <message>
        <source>Always follow symbol link in SRC_PATH</source>
        <translation>始终跟随 SRC_PATH 中的符号链接</translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem. Use &apos;-&apos; as the source to read a tar archive from stdin and extract it to a directory destination in a container. Use &apos;-&apos; as the destination to stream a tar archive of a container source to stdout.</source>
        <translation>在容器和本地文件系统之间复制文件/目录。用 &apos;-&apos; 作为来源时，从标准输入读取 tar 归档，并解压到容器中的目标目录。用 &apos;-&apos; 作为目标时，把容器中来源的 tar 归档输出到标准输出。</translation>
    </message>
    <message>
        <source>must specify at least one container source: write CONTAINER:PATH on one side</source>
        <translation>至少要指定一个容器路径：请在其中一侧写 CONTAINER:PATH</translation>
    </message>
    <message>
        <source>copying between containers is not supported: copy to the host first</source>
        <translation>不支持在容器之间复制：请先复制到主机</translation>
    </message>
    <message>
        <source>a container path cannot be empty: write CONTAINER:/path</source>
        <translation>容器路径不能为空：请写成 CONTAINER:/path</translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation>不持续刷新统计，只获取第一次的结果</translation>
    </message>
    <message>
        <source>Do not truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>Format output using a template: {{.ID}} {{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}, &quot;table&quot; first for a header</source>
        <translation>用模板格式化输出：{{.ID}} {{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}；以 &quot;table&quot; 开头可输出表头</translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.ID}}, {{.Container}}, {{.Name}}, {{.CPUPerc}}, {{.MemUsage}}, {{.MemPerc}}, {{.NetIO}}, {{.BlockIO}} or {{.PIDs}}</source>
        <translation>不支持模板“%1”：请使用 {{.ID}}、{{.Container}}、{{.Name}}、{{.CPUPerc}}、{{.MemUsage}}、{{.MemPerc}}、{{.NetIO}}、{{.BlockIO}} 或 {{.PIDs}}</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation>不提示确认</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;until=&lt;timestamp&gt;&quot;)</source>
        <translation>提供过滤值（例如 &quot;until=&lt;timestamp&gt;&quot;）</translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: berth container prune takes until=TIMESTAMP|DURATION</source>
        <translation>无效的过滤条件“%1”：berth container prune 只接受 until=TIMESTAMP|DURATION</translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;: %2</source>
        <translation>无效的过滤条件“%1”：%2</translation>
    </message>
    <message>
        <source>WARNING! This will remove all stopped containers.</source>
        <translation>警告！这将删除所有已停止的容器。</translation>
    </message>
    <message>
        <source>Deleted Containers:</source>
        <translation>Deleted Containers:</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>Total reclaimed space: %1</translation>
    </message>
    <message>
        <source>%1 (virtual %2)</source>
        <translation>%1 (virtual %2)</translation>
    </message>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation>即使没有连接也保持 STDIN 打开</translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation>分配一个伪终端 (pseudo-TTY)</translation>
    </message>
    <message>
        <source>Detached mode: run command in the background</source>
        <translation>分离模式：在后台运行命令</translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation>设置环境变量</translation>
    </message>
    <message>
        <source>Username or UID (format: &quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;)</source>
        <translation>用户名或 UID（格式：&quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;）</translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation>容器内的工作目录</translation>
    </message>
    <message>
        <source>the input device is not a TTY; leave out -t, or run from a terminal</source>
        <translation>输入设备不是 TTY；请去掉 -t，或在终端中运行</translation>
    </message>
    <message>
        <source>Return JSON for the given type (container or image)</source>
        <translation>返回指定类型（container 或 image）的 JSON</translation>
    </message>
    <message>
        <source>&quot;--type %1&quot; is not supported yet; use --type container, image or volume</source>
        <translation>尚不支持“--type %1”；请使用 --type container、image 或 volume</translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation>持续跟踪日志输出</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>显示时间戳</translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs</source>
        <translation>从日志末尾开始显示的行数</translation>
    </message>
    <message>
        <source>Show logs since timestamp (e.g. &quot;2013-01-02T13:23:37Z&quot;) or relative (e.g. &quot;42m&quot; for 42 minutes)</source>
        <translation>显示某个时间戳（例如 &quot;2013-01-02T13:23:37Z&quot;）或相对时间（例如 &quot;42m&quot; 表示 42 分钟）之后的日志</translation>
    </message>
    <message>
        <source>Show logs before a timestamp (e.g. &quot;2013-01-02T13:23:37Z&quot;) or relative (e.g. &quot;42m&quot; for 42 minutes)</source>
        <translation>显示某个时间戳（例如 &quot;2013-01-02T13:23:37Z&quot;）或相对时间（例如 &quot;42m&quot; 表示 42 分钟）之前的日志</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: unknown key &apos;%2&apos;; use type, source, target, readonly, tmpfs-size or tmpfs-mode</source>
        <translation>“--mount”的参数“%1”无效：未知的键“%2”；请使用 type、source、target、readonly、tmpfs-size 或 tmpfs-mode</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: target must be an absolute path in the container</source>
        <translation>“--mount”的参数“%1”无效：target 必须是容器内的绝对路径</translation>
    </message>
    <message>
        <source>invalid mount config for type &quot;bind&quot;: bind source path does not exist: %1</source>
        <translation>类型为“bind”的挂载配置无效：绑定挂载的源路径不存在：%1</translation>
    </message>
    <message>
        <source>invalid mount config for type &quot;tmpfs&quot;: source is not allowed</source>
        <translation>类型为“tmpfs”的挂载配置无效：不允许指定 source</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--mount&quot;: type must be bind, volume or tmpfs</source>
        <translation>“--mount”的参数“%1”无效：type 必须是 bind、volume 或 tmpfs</translation>
    </message>
    <message>
        <source>invalid size: &apos;%1&apos;; give bytes or a number with k, m or g (e.g. 512m)</source>
        <translation>无效的大小：“%1”；请给出字节数，或带 k、m、g 的数字（例如 512m）</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--cpus&quot;: give a number of CPUs such as 1.5</source>
        <translation>“--cpus”的参数“%1”无效：请给出 CPU 数，例如 1.5</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot;: give a whole number</source>
        <translation>“--%2”的参数“%1”无效：请给出整数</translation>
    </message>
    <message>
        <source>invalid restart policy &apos;%1&apos;: the retry count must be a whole number</source>
        <translation>无效的重启策略“%1”：重试次数必须是整数</translation>
    </message>
    <message>
        <source>Specify volume name</source>
        <translation>指定数据卷名称</translation>
    </message>
    <message>
        <source>Specify volume driver name</source>
        <translation>指定数据卷驱动名称</translation>
    </message>
    <message>
        <source>Set metadata for a volume</source>
        <translation>为数据卷设置元数据</translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation>创建数据卷</translation>
    </message>
    <message>
        <source>volume driver &quot;%1&quot; is not available; Berth has the &quot;local&quot; driver only</source>
        <translation>数据卷驱动“%1”不可用；Berth 只有“local”驱动</translation>
    </message>
    <message>
        <source>conflicting options: either specify --name or provide positional arg, not both</source>
        <translation>选项冲突：--name 和位置参数只能二选一，不能同时指定</translation>
    </message>
    <message>
        <source>Only display volume names</source>
        <translation>只显示数据卷名称</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;dangling=true&quot;)</source>
        <translation>提供过滤值（例如 &quot;dangling=true&quot;）</translation>
    </message>
    <message>
        <source>Format output using a template: {{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}</source>
        <translation>用模板格式化输出：{{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>列出数据卷</translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.Field}} or {{json .Field}}</source>
        <translation>不支持模板“%1”：请使用 {{.Field}} 或 {{json .Field}}</translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation>显示一个或多个数据卷的详细信息</translation>
    </message>
    <message>
        <source>Do not report an error for a volume that does not exist</source>
        <translation>数据卷不存在时不报错</translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation>删除一个或多个数据卷</translation>
    </message>
    <message>
        <source>Remove all unused volumes, not just anonymous ones</source>
        <translation>删除所有未使用的数据卷，而不仅仅是匿名卷</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;label=&lt;label&gt;&quot;)</source>
        <translation>提供过滤值（例如 &quot;label=&lt;label&gt;&quot;）</translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation>删除未使用的本地数据卷</translation>
    </message>
    <message>
        <source>WARNING! This will remove all local volumes not used by at least one container.</source>
        <translation>警告！这将删除所有未被任何容器使用的本地数据卷。</translation>
    </message>
    <message>
        <source>WARNING! This will remove anonymous local volumes not used by at least one container.</source>
        <translation>警告！这将删除所有未被任何容器使用的本地匿名卷。</translation>
    </message>
    <message>
        <source>Deleted Volumes:</source>
        <translation>Deleted Volumes:</translation>
    </message>
    <message>
        <source>berth volume: unknown command &quot;%1&quot;</source>
        <translation>berth volume：未知命令“%1”</translation>
    </message>
    <message>
        <source>Manage volumes</source>
        <translation>管理数据卷</translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation>覆盖用于分离容器的按键序列</translation>
    </message>
    <message>
        <source>the input device is not a TTY; the container %1 runs on a terminal (-t): attach from a terminal, or use --no-stdin</source>
        <translation>输入设备不是 TTY；容器 %1 运行在终端上（-t）：请在终端中附加，或使用 --no-stdin</translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation>不附加 STDIN</translation>
    </message>
    <message>
        <source>Proxy all received signals to the process (true or false)</source>
        <translation>把收到的所有信号转发给进程（true 或 false）</translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation>把本地的标准输入、标准输出和标准错误流附加到运行中的容器</translation>
    </message>
    <message>
        <source>Author (e.g., &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;)</source>
        <translation>作者（例如 &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;）</translation>
    </message>
    <message>
        <source>Apply Dockerfile instruction to the created image</source>
        <translation>对创建的镜像应用 Dockerfile 指令</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>提交信息</translation>
    </message>
    <message>
        <source>Pause container during commit (true or false)</source>
        <translation>提交期间暂停容器（true 或 false）</translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation>根据容器的修改创建新镜像</translation>
    </message>
    <message>
        <source>invalid value &quot;%1&quot; for --pause: give true or false</source>
        <translation>--pause 的值“%1”无效：请给出 true 或 false</translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR and forward signals</source>
        <translation>附加 STDOUT/STDERR 并转发信号</translation>
    </message>
    <message>
        <source>Attach container&apos;s STDIN</source>
        <translation>附加容器的 STDIN</translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once; give one</source>
        <translation>不能同时启动并附加多个容器；请只指定一个</translation>
    </message>
    <message>
        <source>invalid detach key `%1`: give keys as a letter or ctrl-&lt;a-z, @, [, \, ], ^ or _&gt;, separated by commas, as in ctrl-p,ctrl-q</source>
        <translation>无效的分离按键 `%1`：每个按键写成一个字母或 ctrl-&lt;a-z, @, [, \, ], ^ 或 _&gt;，用英文逗号分隔，例如 ctrl-p,ctrl-q</translation>
    </message>
    <message>
        <source>cannot make the socket pair for attaching: %1</source>
        <translation>无法创建用于附加的套接字对：%1</translation>
    </message>
    <message>
        <source>Detached from %1; it keeps running (berth attach %1 to come back, berth stop %1 to stop it).</source>
        <translation>已从 %1 分离；它仍在运行（用 berth attach %1 重新附加，用 berth stop %1 停止它）。</translation>
    </message>
    <message>
        <source>Format output using a template: [table] {{.ID}}\t{{.Names}}\t{{.Status}}…</source>
        <translation>使用模板格式化输出：[table] {{.ID}}\t{{.Names}}\t{{.Status}}…</translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: give {{.Field}} items (ID, Image, Command, CreatedAt, RunningFor, Ports, Status, State, Names, Size), optionally after &quot;table &quot;</source>
        <translation>不支持模板 &quot;%1&quot;：请使用 {{.Field}} 项（ID、Image、Command、CreatedAt、RunningFor、Ports、Status、State、Names、Size），可在前面加 &quot;table &quot;</translation>
    </message>
    <message>
        <source>opening seccomp profile (%1) failed: %2; give a readable JSON profile file, or seccomp=unconfined</source>
        <translation>打开 seccomp 配置文件（%1）失败：%2；请给出可读的 JSON 配置文件，或使用 seccomp=unconfined</translation>
    </message>
    <message>
        <source>the seccomp profile %1 is larger than 16 MiB; give a JSON profile file</source>
        <translation>seccomp 配置文件 %1 大于 16 MiB；请给出 JSON 配置文件</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--log-opt&quot;: give KEY=VALUE, such as max-size=10m</source>
        <translation>&quot;--log-opt&quot; 的参数 &quot;%1&quot; 无效：请使用 KEY=VALUE，例如 max-size=10m</translation>
    </message>
</context>
<context>
    <name>berth::cli::ContainerOutput</name>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>cannot make a pipe for the container&apos;s output: %1</source>
        <translation>无法为容器的输出创建管道：%1</translation>
    </message>
</context>
<context>
    <name>berth::cli::DirectoryTar</name>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation>无法创建管道：%1</translation>
    </message>
    <message>
        <source>writing the layout to the helper: %1</source>
        <translation>向辅助进程写入 layout：%1</translation>
    </message>
    <message>
        <source>the path %1 is too long for a tar</source>
        <translation>路径 %1 太长，无法放入 tar</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: it changed while it was being sent</source>
        <translation>无法读取 %1：它在发送过程中被修改了</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; an OCI layout directory holds only files and directories</source>
        <translation>%1 是符号链接；OCI layout 目录中只能有文件和目录</translation>
    </message>
    <message>
        <source>%1 is neither a file nor a directory</source>
        <translation>%1 既不是文件也不是目录</translation>
    </message>
</context>
<context>
    <name>berth::cli::JobRunner</name>
    <message>
        <source>Warning: cannot watch for Ctrl-C (%1); interrupting will not cancel the job in the helper.</source>
        <translation>警告：无法监听 Ctrl-C（%1）；中断不会取消辅助进程中的任务。</translation>
    </message>
</context>
<context>
    <name>berth::cli::LoadPrinter</name>
    <message>
        <source>Archive read</source>
        <translation>归档读取完成</translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation>正在读取归档</translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation>正在载入镜像层</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>berth::cli::RunFlags</name>
    <message>
        <source>Run container in background and print container ID</source>
        <translation>在后台运行容器并输出容器 ID</translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation>为容器指定名称</translation>
    </message>
    <message>
        <source>Set environment variables (NAME=value, or NAME to pass yours)</source>
        <translation>设置环境变量（NAME=value；只写 NAME 则传入你当前环境中的值）</translation>
    </message>
    <message>
        <source>Bind mount a volume (/host:/ctr[:ro], name:/ctr, /ctr)</source>
        <translation>绑定挂载数据卷（/host:/ctr[:ro]、name:/ctr、/ctr）</translation>
    </message>
    <message>
        <source>Automatically remove the container when it exits</source>
        <translation>容器退出时自动删除</translation>
    </message>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation>即使没有连接也保持 STDIN 打开</translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation>分配一个伪终端 (pseudo-TTY)</translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation>容器内的工作目录</translation>
    </message>
    <message>
        <source>Username or UID (format: &lt;name|uid&gt;[:&lt;group|gid&gt;])</source>
        <translation>用户名或 UID（格式：&lt;name|uid&gt;[:&lt;group|gid&gt;]）</translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation>容器主机名</translation>
    </message>
    <message>
        <source>Overwrite the default ENTRYPOINT of the image</source>
        <translation>覆盖镜像默认的 ENTRYPOINT</translation>
    </message>
    <message>
        <source>Give extended privileges to this container</source>
        <translation>给予该容器扩展权限</translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation>添加 Linux 能力 (capabilities)</translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation>移除 Linux 能力 (capabilities)</translation>
    </message>
    <message>
        <source>Security options (seccomp=unconfined|FILE, no-new-privileges)</source>
        <translation>安全选项（seccomp=unconfined|FILE、no-new-privileges）</translation>
    </message>
    <message>
        <source>Mount the container&apos;s root filesystem as read only</source>
        <translation>以只读方式挂载容器的根文件系统</translation>
    </message>
    <message>
        <source>Memory limit (e.g. 512m, 1g)</source>
        <translation>内存限制（例如 512m、1g）</translation>
    </message>
    <message>
        <source>Memory plus swap limit: &apos;-1&apos; for unlimited swap</source>
        <translation>内存加交换空间的总限制：&apos;-1&apos; 表示不限制交换空间</translation>
    </message>
    <message>
        <source>Number of CPUs (e.g. 1.5)</source>
        <translation>CPU 数（例如 1.5）</translation>
    </message>
    <message>
        <source>CPU shares (relative weight)</source>
        <translation>CPU 份额（相对权重）</translation>
    </message>
    <message>
        <source>Tune container pids limit (-1 for unlimited)</source>
        <translation>调整容器的进程数 (pids) 限制（-1 表示不限制）</translation>
    </message>
    <message>
        <source>Ulimit options (e.g. nofile=1024:2048)</source>
        <translation>ulimit 选项（例如 nofile=1024:2048）</translation>
    </message>
    <message>
        <source>Attach a filesystem mount (type=bind|volume|tmpfs,source=…,target=…[,readonly])</source>
        <translation>挂载文件系统（type=bind|volume|tmpfs,source=…,target=…[,readonly]）</translation>
    </message>
    <message>
        <source>Mount a tmpfs directory (/path[:options])</source>
        <translation>挂载 tmpfs 目录（/path[:options]）</translation>
    </message>
    <message>
        <source>Connect a container to a network (none or host for now)</source>
        <translation>把容器连接到网络（目前只支持 none 或 host）</translation>
    </message>
    <message>
        <source>Restart policy: no, on-failure[:N], always, unless-stopped</source>
        <translation>重启策略：no、on-failure[:N]、always、unless-stopped</translation>
    </message>
    <message>
        <source>Set meta data on a container (KEY=VALUE)</source>
        <translation>为容器设置元数据（KEY=VALUE）</translation>
    </message>
    <message>
        <source>Signal to stop the container</source>
        <translation>停止容器时使用的信号</translation>
    </message>
    <message>
        <source>Timeout (in seconds) to stop a container</source>
        <translation>停止容器的超时时间（秒）</translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation>覆盖用于分离容器的按键序列</translation>
    </message>
    <message>
        <source>Logging driver for the container (json-file only)</source>
        <translation>容器的日志驱动（仅支持 json-file）</translation>
    </message>
    <message>
        <source>Log driver options (max-size=10m, max-file=3)</source>
        <translation>日志驱动选项（max-size=10m、max-file=3）</translation>
    </message>
</context>
<context>
    <name>berth::client</name>
    <message>
        <source>Berth&apos;s helper is not reachable on the system bus: %1
%2</source>
        <translation>无法通过系统总线连接 Berth 的辅助进程：%1
%2</translation>
    </message>
    <message>
        <source>To fix it, install Berth&apos;s D-Bus and polkit files so the bus can start the helper (from the source tree: `sudo ./dev.sh run`, or `sudo cmake --install build`), or start it by hand: `sudo berth-helper`.</source>
        <translation>解决方法：安装 Berth 的 D-Bus 和 polkit 文件，让系统总线能够启动辅助进程（在源码目录中运行 `sudo ./dev.sh run` 或 `sudo cmake --install build`），或者手动启动它：`sudo berth-helper`。</translation>
    </message>
    <message>
        <source>cannot connect to the system bus at %1 (%2).</source>
        <translation>无法连接位于 %1 的系统总线（%2）。</translation>
    </message>
    <message>
        <source>To fix it, start the system bus: `sudo service dbus start`.</source>
        <translation>解决方法：启动系统总线：`sudo service dbus start`。</translation>
    </message>
    <message>
        <source>no service named %1 is installed on the bus.</source>
        <translation>总线上没有安装名为 %1 的服务。</translation>
    </message>
    <message>
        <source>the helper did not answer in time (%1).</source>
        <translation>辅助进程没有及时应答（%1）。</translation>
    </message>
    <message>
        <source>It may be busy or stuck: check its log (`journalctl -t berth-helper`) or restart it.</source>
        <translation>它可能正忙或卡住了：请查看它的日志（`journalctl -t berth-helper`）或重启它。</translation>
    </message>
    <message>
        <source>The system bus refused the call: %1
Berth&apos;s bus policy (io.berth.Helper.conf) may be missing or outdated; reinstall Berth.</source>
        <translation>系统总线拒绝了这次调用：%1
Berth 的总线策略文件（io.berth.Helper.conf）可能缺失或已过时；请重新安装 Berth。</translation>
    </message>
    <message>
        <source>The running helper does not know this request (%1). It is probably an older version: restart it so the installed one starts.</source>
        <translation>正在运行的辅助进程不认识这个请求（%1），它可能是旧版本：请重启它，让已安装的新版本启动。</translation>
    </message>
    <message>
        <source>D-Bus could not start it (%1).</source>
        <translation>D-Bus 无法启动它（%1）。</translation>
    </message>
    <message>
        <source>Run `sudo berth-helper` in a terminal to see why it fails to start.</source>
        <translation>在终端中运行 `sudo berth-helper`，查看它为什么无法启动。</translation>
    </message>
    <message>
        <source>The helper failed: %1 (%2)</source>
        <translation>辅助进程出错：%1（%2）</translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped while the job was running; run the command again.</source>
        <translation>任务运行期间 Berth 的辅助进程停止了；请重新运行该命令。</translation>
    </message>
</context>
</TS>
