<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArticleView</name>
    <message>
        <source>Article text</source>
        <translation>文章正文</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation>正在导入第 %1 / %2 篇：%3</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>a Word document with a password: open it in Word or WPS, save it without the password, and import that</source>
        <translation>带密码的 Word 文档：请在 Word 或 WPS 中打开，去掉密码另存后再导入</translation>
    </message>
    <message>
        <source>no article in it: too short (fewer than 50 Chinese characters)</source>
        <translation>没有文章：太短（不足 50 个汉字）</translation>
    </message>
    <message>
        <source>a zip archive, not a Word document: unpack it and import its files</source>
        <translation>压缩包，不是 Word 文档：请解压后导入其中的文件</translation>
    </message>
    <message>
        <source>a CNKI reader file (.caj/.kdh/.nh), which only CAJViewer opens: download the paper as PDF, or print it to PDF from CAJViewer, and import that</source>
        <translation>知网阅读器格式（.caj/.kdh/.nh），只能用 CAJViewer 打开：请下载论文的 PDF 版，或在 CAJViewer 中打印为 PDF 后再导入</translation>
    </message>
    <message>
        <source>a legacy Word document (.doc): open it in Word or WPS, save it as .docx or PDF, and import that</source>
        <translation>旧版 Word 文档（.doc）：请在 Word 或 WPS 中打开，另存为 .docx 或 PDF 后再导入</translation>
    </message>
    <message>
        <source>not a Word document that can be read</source>
        <translation>无法读取的 Word 文档</translation>
    </message>
    <message>
        <source>not a PDF that can be read</source>
        <translation>无法读取的 PDF</translation>
    </message>
    <message>
        <source>a PDF without a text layer (a scanned paper): run text recognition (OCR) on it, or download the paper's text PDF, and import that</source>
        <translation>PDF 没有文字层（扫描件）：请先做文字识别（OCR），或下载论文的文字版 PDF 后再导入</translation>
    </message>
    <message>
        <source>a PDF with a password: open it in a PDF viewer, save or print it as a PDF without a password, and import that</source>
        <translation>带密码的 PDF：请在 PDF 阅读器中打开，另存或打印为无密码的 PDF 后再导入</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>could not be stored</source>
        <translation>无法存入文库</translation>
    </message>
    <message>
        <source>could not be parsed</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>not a regular file (a pipe or a device)</source>
        <translation>不是普通文件（管道或设备）</translation>
    </message>
    <message>
        <source>too large to be a page dump</source>
        <translation>文件太大，不像网页文本</translation>
    </message>
    <message>
        <source>no article in it: no text after the title</source>
        <translation>没有文章：题名之后没有正文</translation>
    </message>
    <message>
        <source>no article in it: no title found</source>
        <translation>没有文章：找不到题名</translation>
    </message>
    <message>
        <source>no article in it: no Chinese text, and no English paper</source>
        <translation>没有文章：既无中文正文，也不是英文论文</translation>
    </message>
    <message>
        <source>no article in it: it looks like a Markdown document</source>
        <translation>没有文章：看起来是 Markdown 文档</translation>
    </message>
    <message>
        <source>no article in it: it looks like program source</source>
        <translation>没有文章：看起来是程序源代码</translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation>不是文本文件</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>粘贴的文字</translation>
    </message>
    <message>
        <source>Cancelled: the rest was not imported.</source>
        <translation>已取消：其余文件未导入。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Imported %1, updated %2, duplicates %3, refused %4.</source>
        <translation>新导入 %1 篇，更新 %2 篇，重复 %3 篇，未能导入 %4 个。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>在读</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>To check  (%1)</source>
        <translation>待核对  (%1)</translation>
    </message>
    <message>
        <source>Search the full text: words, "phrase", -word, title: author: tag:</source>
        <translation>全文搜索：词语、"短语"、-排除词、title: author: tag:</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签……</translation>
    </message>
    <message>
        <source>Add to course</source>
        <translation>加入课程</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>标记为</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>在读</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章列表</translation>
    </message>
    <message>
        <source>Course name:</source>
        <translation>课程名称：</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Courses and tags</source>
        <translation>课程与标签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Filter the library</source>
        <translation>筛选文库</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>新建课程……</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名……</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>%1 articles, %2 places</source>
        <translation>%1 篇文章，%2 处</translation>
    </message>
    <message>
        <source>No search hits in this article: search the library first (Ctrl+F).</source>
        <translation>这篇文章里没有搜索结果：请先搜索文库（Ctrl+F）。</translation>
    </message>
    <message>
        <source>Next search &amp;hit</source>
        <translation>下一处搜索结果(&amp;H)</translation>
    </message>
    <message>
        <source>Previous search hit</source>
        <translation>上一处搜索结果</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mark the details as &amp;checked</source>
        <translation>标记为已核对(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)……</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Copy the &amp;citation (GB/T 7714)</source>
        <translation>复制引用格式 GB/T 7714(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export notes…</source>
        <translation>导出笔记(&amp;E)……</translation>
    </message>
    <message>
        <source>Copy notes as &amp;Markdown</source>
        <translation>复制为 &amp;Markdown</translation>
    </message>
    <message>
        <source>&amp;Delete highlight</source>
        <translation>删除划线(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Highlight the selection</source>
        <translation>划线标注所选文字(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Change highlight colour</source>
        <translation>更改划线颜色</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>删除划线</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Rename the colours…</source>
        <translation>设置颜色含义……</translation>
    </message>
    <message>
        <source>%1 articles in the library</source>
        <translation>文库中共 %1 篇文章</translation>
    </message>
    <message>
        <source>&amp;About Yandu Reader</source>
        <translation>关于研读(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete article</source>
        <translation>删除文章(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Filter the library</source>
        <translation>筛选文库(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)……</translation>
    </message>
    <message>
        <source>&amp;Paste as article</source>
        <translation>粘贴为文章(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>About Yandu Reader</source>
        <translation>关于研读</translation>
    </message>
    <message>
        <source>Delete %1 article(s)</source>
        <translation>删除 %1 篇文章</translation>
    </message>
    <message>
        <source>Edit article &amp;details…</source>
        <translation>编辑文章信息(&amp;D)……</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;O)……</translation>
    </message>
    <message>
        <source>New &amp;course…</source>
        <translation>新建课程(&amp;C)……</translation>
    </message>
    <message>
        <source>Yandu Reader</source>
        <translation>研读</translation>
    </message>
    <message>
        <source>Yandu Reader: read, highlight and annotate Chinese articles offline.
Library: %1</source>
        <translation>研读：离线阅读、划线、批注中文文章。
文库位置：%1</translation>
    </message>
    <message>
        <source>Select text first: Ctrl+%1 highlights it as “%2”.</source>
        <translation>请先选中文字：Ctrl+%1 把它划线标为“%2”。</translation>
    </message>
    <message>
        <source>The highlight chosen in the list is now “%1” (Ctrl+Z undoes it).</source>
        <translation>列表中选中的划线已改为“%1”（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>An article needs a title</source>
        <translation>文章需要题名</translation>
    </message>
    <message>
        <source>Article details</source>
        <translation>文章信息</translation>
    </message>
    <message>
        <source>Authors (separated by ；)</source>
        <translation>作者（以；分隔）</translation>
    </message>
    <message>
        <source>Keywords (separated by ；)</source>
        <translation>关键词（以；分隔）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Footnotes</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>The original file could not be opened: no viewer for it was found.</source>
        <translation>无法打开原文件：没有找到能打开它的程序。</translation>
    </message>
    <message>
        <source>Figures, tables and equations, in the system's viewer</source>
        <translation>在系统查看器中看图、表和公式</translation>
    </message>
    <message>
        <source>Open the original file</source>
        <translation>打开原文件</translation>
    </message>
    <message>
        <source>no year found</source>
        <translation>未识别出年份</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Please check: %1 (F2 corrects the details)</source>
        <translation>请核对：%1（按 F2 修改）</translation>
    </message>
    <message>
        <source>no authors found</source>
        <translation>未识别出作者</translation>
    </message>
    <message>
        <source>no sections found</source>
        <translation>未识别出章节</translation>
    </message>
    <message>
        <source>Only the first %1 citation marks of this article are linked to its references.</source>
        <translation>本文只有前 %1 处引注标号链接到参考文献。</translation>
    </message>
    <message>
        <source>This selection cannot be highlighted: only the body text is (not the title, abstract, headings or references).</source>
        <translation>所选内容无法划线：只能划正文（标题、摘要、小标题和参考文献不能划线）。</translation>
    </message>
    <message>
        <source>Highlights that cannot be shown in the text: %1 (they are in the list of highlights).</source>
        <translation>有 %1 处划线无法在正文中显示（可在划线列表中查看）。</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Choose an article in the library, or import one (Ctrl+O).</source>
        <translation>请在文库中选择一篇文章，或导入新文章（Ctrl+O）。</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Other papers on the source page (not part of this article): %1</source>
        <translation>原网页上的其他文献（不属于本文）：%1 篇</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Show or hide the abstract</source>
        <translation>显示或隐藏摘要</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>show</source>
        <translation>展开</translation>
    </message>
</context>
<context>
    <name>ColorMeaningsDialog</name>
    <message>
        <source>Colour %1</source>
        <translation>颜色 %1</translation>
    </message>
    <message>
        <source>Highlight colours</source>
        <translation>划线颜色</translation>
    </message>
</context>
<context>
    <name>HighlightsModel</name>
    <message>
        <source>(cannot be placed)</source>
        <translation>（无法定位）</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>%1 characters of %2</source>
        <translation>字数：%1 / 目标 %2</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>字数：%1</translation>
    </message>
    <message>
        <source>The library answers again: your notes are saved.</source>
        <translation>文库已恢复响应：笔记已保存。</translation>
    </message>
    <message>
        <source>A note could not be saved yet: the library is busy. The window stays open so that nothing is lost; close it again in a moment.</source>
        <translation>笔记暂时未能保存：文库正忙。窗口保持打开，以免丢失内容；请稍后再关闭。</translation>
    </message>
    <message>
        <source>A note on this highlight (Markdown)</source>
        <translation>这条划线的批注（Markdown）</translation>
    </message>
    <message>
        <source>Course notes: %1</source>
        <translation>课程笔记：%1</translation>
    </message>
    <message>
        <source>Find in notes (Enter: next)</source>
        <translation>在笔记中查找（回车：下一个）</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Notes on this article</source>
        <translation>本文笔记</translation>
    </message>
    <message>
        <source>Quote in notes</source>
        <translation>引用到笔记</translation>
    </message>
    <message>
        <source>Start from template</source>
        <translation>套用模板</translation>
    </message>
    <message>
        <source>Study notes</source>
        <translation>学习笔记</translation>
    </message>
    <message>
        <source>Study notes in Markdown. They are saved as you type.</source>
        <translation>用 Markdown 写学习笔记，输入时自动保存。</translation>
    </message>
    <message>
        <source>Tags, separated by spaces</source>
        <translation>标签，以空格分隔</translation>
    </message>
    <message>
        <source>The library is busy: your note is kept and saved as soon as it can be.</source>
        <translation>文库正忙：笔记已保留，一有机会就会保存。</translation>
    </message>
    <message>
        <source>The library cannot be written: your note is kept in this window but not saved.</source>
        <translation>文库无法写入：笔记保留在窗口中，但没有保存。</translation>
    </message>
    <message>
        <source>The disk is full: your note is kept in this window and saved with your next change.</source>
        <translation>磁盘已满：笔记保留在窗口中，腾出空间后，下一次修改时会保存。</translation>
    </message>
    <message>
        <source>The library refused your note: it is kept in this window but not saved.</source>
        <translation>文库拒绝保存这条笔记：它保留在窗口中，但没有保存。</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>不保存就关闭？</translation>
    </message>
    <message>
        <source>%1

Close anyway? The unsaved note is lost; choose No to copy it elsewhere first.</source>
        <translation>%1

仍要关闭吗？未保存的笔记会丢失；选择“否”可先把它复制到别处。</translation>
    </message>
    <message>
        <source>A note could not be saved: the window stays open so that you can copy it elsewhere.</source>
        <translation>有笔记未能保存：窗口保持打开，以便你把它复制到别处。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1

Overwrite?</source>
        <translation>%1

要覆盖吗？</translation>
    </message>
    <message>
        <source>A course: a folder with index.md</source>
        <translation>一门课程：含 index.md 的文件夹</translation>
    </message>
    <message>
        <source>A themed digest (专题摘编) of a course</source>
        <translation>课程的专题摘编</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Default layout</source>
        <translation>默认版式</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>References as CSL-JSON (for Zotero)</source>
        <translation>参考文献 CSL-JSON（供 Zotero 导入）</translation>
    </message>
    <message>
        <source>The %1 selected articles</source>
        <translation>所选的 %1 篇文章</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>There is no course yet.</source>
        <translation>还没有课程。</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>本文</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Line height</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>As the system (Chinese unless it is English)</source>
        <translation>跟随系统（系统为英文时用英文，否则用中文）</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>默认导出文件夹</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>Reading font size</source>
        <translation>阅读字号</translation>
    </message>
    <message>
        <source>Save notes after typing stops for</source>
        <translation>停止输入多久后保存笔记</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>导出为 PDF(&amp;D)……</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)……</translation>
    </message>
    <message>
        <source>The notes of %1 have %2 characters, under their target of %3.</source>
        <translation>%1的学习笔记共 %2 字，未达目标字数 %3。</translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation>导出为 Word(&amp;W)……</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>请先打开一篇文章。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Citation copied.</source>
        <translation>已复制引用格式。</translation>
    </message>
    <message>
        <source>Copied as Markdown.</source>
        <translation>已复制为 Markdown。</translation>
    </message>
    <message>
        <source>Exported %1 file(s) to %2</source>
        <translation>已导出 %1 个文件到 %2</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Articles (*.txt *.htm *.html *.pdf *.docx *.doc *.caj *.kdh *.nh);;PDF (*.pdf);;Word documents (*.docx *.doc);;Page dumps (*.txt *.htm *.html);;All files (*)</source>
        <translation>文章 (*.txt *.htm *.html *.pdf *.docx *.doc *.caj *.kdh *.nh);;PDF (*.pdf);;Word 文档 (*.docx *.doc);;网页文本 (*.txt *.htm *.html);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>导入文章文件夹</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>This article is already in the library: it is open.</source>
        <translation>这篇文章已在文库中，已为你打开。</translation>
    </message>
    <message>
        <source>Pasted text imported.</source>
        <translation>已将粘贴的文本导入为文章。</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>剪贴板中没有文本。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1（进程 %2）</translation>
    </message>
    <message>
        <source>The backup could not be restored:
%1</source>
        <translation>未能恢复备份：
%1</translation>
    </message>
    <message>
        <source>The library file is read-only:
%1</source>
        <translation>文库文件是只读的：
%1</translation>
    </message>
    <message>
        <source>The library folder is read-only:
%1</source>
        <translation>文库文件夹是只读的：
%1</translation>
    </message>
    <message>
        <source>The library in %1 cannot be opened:
%2</source>
        <translation>无法打开 %1 中的文库：
%2</translation>
    </message>
    <message>
        <source>The library in %1 is damaged and there is no backup.</source>
        <translation>%1 中的文库已损坏，而且没有备份。</translation>
    </message>
    <message>
        <source>The library in %1 is damaged.

Restore the newest healthy backup (%2)? The damaged file is kept beside it.</source>
        <translation>%1 中的文库已损坏。

要恢复最新的完好备份（%2）吗？损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <source>This library is in use by %1:
%2

Switch to that window (or wait for the command to finish), then try again.</source>
        <translation>此文库正由%1使用：
%2

请切换到那个窗口（或等命令结束），然后再试。</translation>
    </message>
    <message>
        <source>This library is in use:
%1

Switch to that window (or wait for the command to finish), then try again.</source>
        <translation>此文库正在使用中：
%1

请切换到那个窗口（或等命令结束），然后再试。</translation>
    </message>
    <message>
        <source>a reader command</source>
        <translation>一个 reader 命令</translation>
    </message>
    <message>
        <source>the 研读 Reader window</source>
        <translation>研读窗口</translation>
    </message>
    <message>
        <source>研读 Reader saves notes and highlights as you type, and could save nothing here, so the window does not open it. To read it, use `reader list`, `reader show`, `reader search` or `reader export` (they open it read-only), or copy the folder somewhere writable and open the copy.</source>
        <translation>研读会在你输入时随时保存笔记和划线，而这里什么也保存不了，所以窗口不打开它。要阅读它，请用 `reader list`、`reader show`、`reader search` 或 `reader export`（它们以只读方式打开），或者把文件夹复制到可写的位置，再打开副本。</translation>
    </message>
</context>
<context>
    <name>ArticleEditing</name>
    <message>
        <source>Mark as checked</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <source>Edit article details</source>
        <translation>编辑文章信息</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Footnotes</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 处</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大字号(&amp;L)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字号</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小字号(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the &amp;abstract</source>
        <translation>显示或隐藏摘要(&amp;A)</translation>
    </message>
    <message>
        <source>Show the &amp;outline</source>
        <translation>显示大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Show the &amp;references</source>
        <translation>显示参考文献(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Focus mode (only the text)</source>
        <translation>专注模式（只显示正文）(&amp;F)</translation>
    </message>
</context>
<context>
    <name>WordDialog</name>
    <message>
        <source>Export as Word</source>
        <translation>导出为 Word</translation>
    </message>
    <message>
        <source>Coursework (宋体 小四, 1.5 lines)</source>
        <translation>作业（宋体 小四，1.5 倍行距）</translation>
    </message>
    <message>
        <source>Official document (GB/T 9704)</source>
        <translation>公文（GB/T 9704）</translation>
    </message>
    <message>
        <source>My own Word template…</source>
        <translation>我自己的 Word 模板……</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Word 模板</translation>
    </message>
    <message>
        <source>%1

Overwrite?</source>
        <translation>%1

覆盖吗？</translation>
    </message>
</context>
<context>
    <name>ReferencesList</name>
    <message>
        <source>Show where it is cited</source>
        <translation>显示引用位置</translation>
    </message>
    <message>
        <source>Copy as GB/T 7714</source>
        <translation>按 GB/T 7714 复制</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>File → Export notes (Ctrl+E) writes Markdown with the citation.</source>
        <translation>文件 → 导出笔记（Ctrl+E），生成带引文的 Markdown。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Write on a highlight, or your study notes on the right; they save themselves.</source>
        <translation>在划线上写批注，或在右侧写学习心得；会自动保存。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Select text and press Ctrl+H, or Ctrl+1 … Ctrl+5 for a colour.</source>
        <translation>选中文字后按 Ctrl+H，或按 Ctrl+1 … Ctrl+5 选颜色。</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>The outline on the left jumps to a section; [n] marks lead to the references.</source>
        <translation>左侧大纲可跳到各节；正文中的 [n] 标记链接到参考文献。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>File → Import (Ctrl+O), drag files onto the window, or paste an article (Ctrl+Shift+V). Page dumps (.txt, .html), PDF and Word (.docx) files are read.</source>
        <translation>文件 → 导入（Ctrl+O），把文件拖到窗口上，或粘贴一篇文章（Ctrl+Shift+V）。可读取网页文本（.txt、.html）、PDF 与 Word（.docx）文件。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Do not show this again</source>
        <translation>不再显示</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件……</translation>
    </message>
    <message>
        <source>Open the sample article</source>
        <translation>打开样文</translation>
    </message>
    <message>
        <source>Welcome to Yandu Reader</source>
        <translation>欢迎使用研读</translation>
    </message>
    <message>
        <source>Your library is empty. Start with the sample article, or import your own.</source>
        <translation>文库还是空的。可以先打开样文，或导入自己的文章。</translation>
    </message>
</context>
</TS>
