<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoundaryPane</name>
    <message>
        <source>Decision boundary: the colour is the predicted class (blue 0, orange 1, white 50/50); dots are the training points</source>
        <translation>决策边界：颜色表示预测的类别（蓝色为 0，橙色为 1，白色为各 50%）；圆点是训练样本</translation>
    </message>
    <message>
        <source>Incoming weights of each unit of hidden layer 1 during training</source>
        <translation>训练过程中，第 1 隐藏层每个单元的输入权重</translation>
    </message>
    <message>
        <source>training batch (step)</source>
        <translation>训练批次（步）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>P = {0:.2f}
everywhere</source>
        <translation>处处
P = {0:.2f}</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Initialization of the selected run</source>
        <translation>所选运行的初始化</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Mean μ</source>
        <translation>均值 μ</translation>
    </message>
    <message>
        <source>Std σ</source>
        <translation>标准差 σ</translation>
    </message>
    <message>
        <source>Low a</source>
        <translation>下限 a</translation>
    </message>
    <message>
        <source>High b</source>
        <translation>上限 b</translation>
    </message>
    <message>
        <source>Constant c</source>
        <translation>常数 c</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>增益 gain</translation>
    </message>
    <message>
        <source>Fan mode</source>
        <translation>扇入/扇出</translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation>非线性函数</translation>
    </message>
    <message>
        <source>Slope</source>
        <translation>斜率</translation>
    </message>
    <message>
        <source>Initial bias</source>
        <translation>初始偏置</translation>
    </message>
    <message>
        <source>LSUV tolerance</source>
        <translation>LSUV 容差</translation>
    </message>
    <message>
        <source>LSUV iterations</source>
        <translation>LSUV 迭代次数</translation>
    </message>
    <message>
        <source>RBM epochs</source>
        <translation>RBM 训练轮数</translation>
    </message>
    <message>
        <source>RBM learning rate</source>
        <translation>RBM 学习率</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Units per layer</source>
        <translation>每层单元数</translation>
    </message>
    <message>
        <source>Leaky slope</source>
        <translation>Leaky 斜率</translation>
    </message>
    <message>
        <source>Maxout pieces</source>
        <translation>Maxout 分段数</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差连接</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>e.g. 256, 128 (empty: layers × units)</source>
        <translation>例如 256, 128（留空：层数 × 单元数）</translation>
    </message>
    <message>
        <source>Explicit hidden widths, overriding hidden layers and units per layer; empty to use those two</source>
        <translation>逐层指定隐藏层宽度，会覆盖“隐藏层数”和“每层单元数”；留空则使用这两项</translation>
    </message>
    <message>
        <source>Widths</source>
        <translation>各层宽度</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>MNIST set</source>
        <translation>MNIST 数据</translation>
    </message>
    <message>
        <source>Probe samples</source>
        <translation>探测样本数</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Validate every</source>
        <translation>验证间隔</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation>梯度范数裁剪</translation>
    </message>
    <message>
        <source>Clip value</source>
        <translation>梯度值裁剪</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Histogram bins</source>
        <translation>直方图分箱数</translation>
    </message>
    <message>
        <source>Track units</source>
        <translation>跟踪单元</translation>
    </message>
    <message>
        <source>fan-in</source>
        <translation>扇入 (fan-in)</translation>
    </message>
    <message>
        <source>fan-out</source>
        <translation>扇出 (fan-out)</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>standard-normal inputs</source>
        <translation>标准正态输入</translation>
    </message>
    <message>
        <source>two-class flower</source>
        <translation>两类“花朵”数据</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>full if downloaded</source>
        <translation>已下载则用完整集</translation>
    </message>
    <message>
        <source>bundled 10,000</source>
        <translation>内置 10,000 张</translation>
    </message>
    <message>
        <source>full 60,000</source>
        <translation>完整 60,000 张</translation>
    </message>
    <message>
        <source>softmax + cross-entropy</source>
        <translation>softmax + 交叉熵</translation>
    </message>
    <message>
        <source>sigmoid + binary CE</source>
        <translation>sigmoid + 二元交叉熵</translation>
    </message>
    <message>
        <source>Runs compared (same data and seed)</source>
        <translation>对比的运行（数据和种子相同）</translation>
    </message>
    <message>
        <source>The runs of the comparison in their plot colours; select one to edit its initialization below</source>
        <translation>参与对比的各次运行，颜色与图中一致；选中一项即可在下方修改它的初始化</translation>
    </message>
    <message>
        <source>Legend label of the selected run</source>
        <translation>所选运行在图例中的名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a copy of the selected run to the comparison (up to {0} runs), then change its initialization</source>
        <translation>复制所选运行加入对比（最多 {0} 个），然后修改它的初始化</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected run from the comparison</source>
        <translation>把所选运行从对比中删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Keep only the selected run</source>
        <translation>只保留所选运行</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{0} ({1:g} to {2:g})</source>
        <translation>{0}（{1:g} 到 {2:g}）</translation>
    </message>
    <message>
        <source>Drag: {0} on a logarithmic scale; the histograms follow while you drag (without training)</source>
        <translation>拖动：按对数刻度调整{0}；拖动时直方图实时跟随（不训练）</translation>
    </message>
    <message>
        <source>Runs that also change other settings: </source>
        <translation>同时改动了其他设置的运行：</translation>
    </message>
</context>
<context>
    <name>DepthPane</name>
    <message>
        <source>Spread of the signal through the layers</source>
        <translation>信号在各层中的离散程度</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation std</source>
        <translation>激活值标准差</translation>
    </message>
    <message>
        <source>std of f(u), log scale</source>
        <translation>f(u) 的标准差（对数刻度）</translation>
    </message>
    <message>
        <source>Gradient std</source>
        <translation>梯度标准差</translation>
    </message>
    <message>
        <source>std of ∂L/∂u, log scale</source>
        <translation>∂L/∂u 的标准差（对数刻度）</translation>
    </message>
    <message>
        <source>Saturated, dead</source>
        <translation>饱和、“死亡”</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
    <message>
        <source>% of values</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <source>solid: measured · dashed: predicted from the weights · right: ● saturated, □ dead</source>
        <translation>实线：实测 · 虚线：由权重预测 · 右图：● 饱和，□ 死亡</translation>
    </message>
</context>
<context>
    <name>DownloadController</name>
    <message>
        <source>Download Full &amp;MNIST…</source>
        <translation>下载完整 &amp;MNIST…</translation>
    </message>
    <message>
        <source>Download the 70,000-image MNIST set (about 11 MB) into the cache folder. MNIST experiments then train on 55,000 images instead of the 8,000 bundled ones</source>
        <translation>把 70,000 张图片的完整 MNIST（约 11 MB）下载到缓存文件夹。之后 MNIST 实验用 55,000 张图片训练，而不是内置的 8,000 张</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Download full MNIST…</source>
        <translation>下载完整 MNIST…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the download; nothing half-downloaded is kept</source>
        <translation>停止下载；不会留下下载了一半的文件</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Downloading the full MNIST set…</source>
        <translation>正在下载完整的 MNIST…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} MB</source>
        <translation>{0}：{1} / {2} MB</translation>
    </message>
    <message>
        <source>{0}: {1} MB</source>
        <translation>{0}：{1} MB</translation>
    </message>
    <message>
        <source>Full MNIST downloaded to {0}: MNIST experiments now train on 55,000 images (press Run)</source>
        <translation>完整 MNIST 已下载到 {0}：MNIST 实验现在用 55,000 张图片训练（请按“运行”）</translation>
    </message>
    <message>
        <source>MNIST download cancelled; nothing was kept</source>
        <translation>MNIST 下载已取消；没有留下任何文件</translation>
    </message>
    <message>
        <source>MNIST download failed</source>
        <translation>MNIST 下载失败</translation>
    </message>
    <message>
        <source>The full MNIST set could not be downloaded:

{0}

The app keeps using the bundled 10,000 images.</source>
        <translation>无法下载完整的 MNIST：

{0}

程序继续使用内置的 10,000 张图片。</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>Your own experiment</source>
        <translation>你自己的实验</translation>
    </message>
    <message>
        <source>Choose an experiment on the left, or change any setting: without training, the plots follow every change.</source>
        <translation>在左侧选择一个实验，或者修改任意设置：不训练时，图会随每次修改立即更新。</translation>
    </message>
    <message>
        <source>layer 1: {0}</source>
        <translation>第 1 层：{0}</translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation>数据：{0}</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>{0} × {1} SVG</source>
        <translation>{0} × {1} SVG</translation>
    </message>
    <message>
        <source>Qt could not encode the PNG image</source>
        <translation>Qt 无法编码这张 PNG 图片</translation>
    </message>
    <message>
        <source>{0} × {1} pixels</source>
        <translation>{0} × {1} 像素</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an experiment file (.json) and run it</source>
        <translation>打开实验文件 (.json) 并运行</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the settings, the runs compared and the seed, so that the file gives the same curves on any computer</source>
        <translation>保存设置、对比的运行和随机种子，在任何电脑上打开都能得到相同的曲线</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the experiment under a new name</source>
        <translation>用新名字保存实验</translation>
    </message>
    <message>
        <source>&amp;Export Pane…</source>
        <translation>导出当前图(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the pane shown as a PNG picture (twice the screen resolution, for slides), as an SVG drawing, or its data as CSV</source>
        <translation>把当前显示的图保存为 PNG 图片（两倍屏幕分辨率，适合幻灯片）、SVG 矢量图，或把数据保存为 CSV</translation>
    </message>
    <message>
        <source>Export Plot &amp;Area…</source>
        <translation>导出绘图区域(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the pane shown together with its tabs and the explanation beside it as one PNG or SVG picture</source>
        <translation>把当前图连同标签页和旁边的说明一起保存为一张 PNG 或 SVG 图片</translation>
    </message>
    <message>
        <source>Export Res&amp;ult as JSON…</source>
        <translation>导出结果为 JSON(&amp;U)…</translation>
    </message>
    <message>
        <source>Save the finished comparison as JSON: the same document `initviz run --json` writes</source>
        <translation>把完成的对比保存为 JSON：与 `initviz run --json` 输出的文档相同</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>The experiment {0} has changed since it was saved. Save the changes?</source>
        <translation>实验 {0} 在保存后又有修改。要保存这些修改吗？</translation>
    </message>
    <message>
        <source>initviz experiment (*.json)</source>
        <translation>initviz 实验 (*.json)</translation>
    </message>
    <message>
        <source>PNG picture, twice the screen resolution (*.png)</source>
        <translation>PNG 图片，两倍屏幕分辨率 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <source>{0} is not a valid experiment file ({1}: {2})</source>
        <translation>{0} 不是有效的实验文件（{1}：{2}）</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>{0} is no longer there; it was removed from the recent files.</source>
        <translation>{0} 已不存在，已从最近文件中移除。</translation>
    </message>
    <message>
        <source>Removed from the recent files, no longer there: {0}</source>
        <translation>已从最近文件中移除（文件已不存在）：{0}</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近文件</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Cannot save {0}</source>
        <translation>无法保存 {0}</translation>
    </message>
    <message>
        <source>The {0} pane has no data to export yet.</source>
        <translation>“{0}”图还没有可导出的数据。</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>CSV data for spreadsheets (*.csv)</source>
        <translation>CSV 数据，可用电子表格打开 (*.csv)</translation>
    </message>
    <message>
        <source>Export the {0} pane</source>
        <translation>导出“{0}”图</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {0} ({1})</source>
        <translation>已导出 {0}（{1}）</translation>
    </message>
    <message>
        <source>Export the plot area</source>
        <translation>导出绘图区域</translation>
    </message>
    <message>
        <source>initviz result, as `initviz run --json` writes it (*.json)</source>
        <translation>initviz 结果，与 `initviz run --json` 的输出相同 (*.json)</translation>
    </message>
    <message>
        <source>Export the result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>No finished comparison</source>
        <translation>还没有完成的对比</translation>
    </message>
    <message>
        <source>The result can be exported once every run has finished (or was stopped).</source>
        <translation>所有运行都结束（或被停止）后才能导出结果。</translation>
    </message>
</context>
<context>
    <name>HistogramPane</name>
    <message>
        <source>Side by side</source>
        <translation>并排显示</translation>
    </message>
    <message>
        <source>Give every run its own row instead of overlaying the runs in one plot per layer</source>
        <translation>每个运行单独占一行，而不是在每层的同一张图里叠加</translation>
    </message>
    <message>
        <source>Pre-activation u</source>
        <translation>激活前的值 u</translation>
    </message>
    <message>
        <source>Show the pre-activations u = W·x + b, the inputs of the activation function, instead of its outputs f(u)</source>
        <translation>显示激活前的值 u = W·x + b（激活函数的输入），而不是输出 f(u)</translation>
    </message>
    <message>
        <source>activation value f(u)</source>
        <translation>激活值 f(u)</translation>
    </message>
    <message>
        <source>pre-activation value u</source>
        <translation>激活前的值 u</translation>
    </message>
    <message>
        <source>gradient ∂L/∂u</source>
        <translation>梯度 ∂L/∂u</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>Activations of each hidden layer</source>
        <translation>各隐藏层的激活值</translation>
    </message>
    <message>
        <source>Pre-activations (inputs of the activation function) of each hidden layer</source>
        <translation>各隐藏层激活前的值（激活函数的输入）</translation>
    </message>
    <message>
        <source>Back-propagated gradients ∂L/∂u of each hidden layer</source>
        <translation>各隐藏层反向传播的梯度 ∂L/∂u</translation>
    </message>
    <message>
        <source>Incoming weights of each hidden layer</source>
        <translation>各隐藏层的输入权重</translation>
    </message>
    <message>
        <source>% of values</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>↑ {0:.0f} %</source>
        <translation>↑ {0:.0f} %</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>The lesson&apos;s experiments</source>
        <translation>本课的实验</translation>
    </message>
    <message>
        <source>Tick the experiments to show and drag them into the order of the lesson. Nothing ticked, or everything ticked in the catalogue&apos;s order, means the whole catalogue.</source>
        <translation>勾选要展示的实验，并拖动排成上课的顺序。全部不勾选，或按目录顺序全部勾选，表示使用整个目录。</translation>
    </message>
    <message>
        <source>Whole catalogue</source>
        <translation>整个目录</translation>
    </message>
</context>
<context>
    <name>LossPane</name>
    <message>
        <source>Training loss (cross-entropy) and validation accuracy</source>
        <translation>训练损失（交叉熵）和验证准确率</translation>
    </message>
    <message>
        <source>Log scale for the loss</source>
        <translation>损失用对数刻度</translation>
    </message>
    <message>
        <source>training batch (step)</source>
        <translation>训练批次（步）</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: small losses and huge early losses both stay visible. Switched on by itself when the losses span more than a factor of 100, unless you chose</source>
        <translation>用对数坐标显示损失：很小的损失和开始时很大的损失都能看清。当损失的范围超过 100 倍时会自动打开，除非你自己设置过</translation>
    </message>
    <message>
        <source>First {0} batches</source>
        <translation>前 {0} 个批次</translation>
    </message>
    <message>
        <source>Whole run (dashed: validation)</source>
        <translation>整个训练过程（虚线：验证集）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>Pre-training of each RBM</source>
        <translation>每个 RBM 的预训练</translation>
    </message>
    <message>
        <source>reconstruction error</source>
        <translation>重建误差</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练轮次</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation>（对数刻度）</translation>
    </message>
    <message>
        <source>{0}: diverged at step {1}</source>
        <translation>{0}：在第 {1} 步发散</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
    <message>
        <source>RBM {0}</source>
        <translation>RBM {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>initviz — weight initialization, layer by layer</source>
        <translation>initviz — 逐层看懂权重初始化</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Histograms of each hidden layer&apos;s activations</source>
        <translation>各隐藏层激活值的直方图</translation>
    </message>
    <message>
        <source>Histograms of the back-propagated gradients per layer</source>
        <translation>各层反向传播梯度的直方图</translation>
    </message>
    <message>
        <source>Histograms of each layer&apos;s weights</source>
        <translation>各层权重的直方图</translation>
    </message>
    <message>
        <source>Standard deviation of activations and gradients against depth, with the prediction; saturated and dead units</source>
        <translation>激活值和梯度的标准差随深度的变化（附理论预测）；饱和与死亡单元</translation>
    </message>
    <message>
        <source>Training loss and validation accuracy</source>
        <translation>训练损失和验证准确率</translation>
    </message>
    <message>
        <source>Validation accuracy and loss of every run</source>
        <translation>每个运行的验证准确率和损失</translation>
    </message>
    <message>
        <source>Decision boundary over the 2-D data; each unit&apos;s incoming weights</source>
        <translation>二维数据上的决策边界；每个单元的输入权重</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>▶ Run</source>
        <translation>▶ 运行</translation>
    </message>
    <message>
        <source>Train (or measure) the runs with the settings shown (Ctrl+R)</source>
        <translation>按当前设置训练（或测量）各个运行 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume training (Space)</source>
        <translation>暂停或继续训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one batch, then pause</source>
        <translation>训练一个批次后暂停</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <source>Stop training; the plots keep the last state</source>
        <translation>停止训练；图保留最后的状态</translation>
    </message>
    <message>
        <source>↺ Reset</source>
        <translation>↺ 重置</translation>
    </message>
    <message>
        <source>Stop, clear the curves and show the networks at initialization</source>
        <translation>停止并清除曲线，显示刚初始化时的网络</translation>
    </message>
    <message>
        <source>⟳ Replay</source>
        <translation>⟳ 重放</translation>
    </message>
    <message>
        <source>Run again from the same initial weights (same seed, same data order)</source>
        <translation>从相同的初始权重再运行一次（相同种子、相同数据顺序）</translation>
    </message>
    <message>
        <source>Settings changed: press Run to train</source>
        <translation>设置已修改：按“运行”开始训练</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>The run stopped with an error:

{0}</source>
        <translation>运行因错误而停止：

{0}</translation>
    </message>
    <message>
        <source>step {0:,} of {1:,}</source>
        <translation>第 {0:,} / {1:,} 步</translation>
    </message>
    <message>
        <source>{0:,.0f} samples/s</source>
        <translation>{0:,.0f} 样本/秒</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>约剩 {0}</translation>
    </message>
    <message>
        <source>at initialization (no training)</source>
        <translation>初始化状态（未训练）</translation>
    </message>
    <message>
        <source>Using the bundled 10,000-image MNIST set</source>
        <translation>正在使用内置的 10,000 张 MNIST 图片</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Run / pause</source>
        <translation>运行 / 暂停</translation>
    </message>
    <message>
        <source>Next experiment</source>
        <translation>下一个实验</translation>
    </message>
    <message>
        <source>Previous experiment</source>
        <translation>上一个实验</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Single step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>Larger type</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>Smaller type</source>
        <translation>缩小字体</translation>
    </message>
    <message>
        <source>Normal type size</source>
        <translation>恢复默认字号</translation>
    </message>
    <message>
        <source>Hide the controls</source>
        <translation>隐藏控制面板</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>键盘快捷键…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Choose the lesson&apos;s experiments…</source>
        <translation>选择本课的实验…</translation>
    </message>
    <message>
        <source>Type size {0:.0%}</source>
        <translation>字号 {0:.0%}</translation>
    </message>
    <message>
        <source>Experiment {0} of {1}: {2}</source>
        <translation>实验 {0} / {1}：{2}</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次数</translation>
    </message>
    <message>
        <source>Validation
accuracy</source>
        <translation>验证
准确率</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Validation
loss</source>
        <translation>验证
损失</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>pre-training…</source>
        <translation>预训练中…</translation>
    </message>
    <message>
        <source>initialized</source>
        <translation>已初始化</translation>
    </message>
    <message>
        <source>After {0} batches: validation accuracy and loss per run</source>
        <translation>{0} 个批次后：各运行的验证准确率和损失</translation>
    </message>
    <message>
        <source>(diverged at step {0})</source>
        <translation>（在第 {0} 步发散）</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>(kept as {0})</source>
        <translation>（原文件保存为 {0}）</translation>
    </message>
    <message>
        <source>The settings file could not be read and was ignored; the defaults are used {0}</source>
        <translation>设置文件无法读取，已忽略，改用默认设置{0}</translation>
    </message>
    <message>
        <source>A remembered setting ({0}) was not valid and was ignored</source>
        <translation>保存的设置项（{0}）无效，已忽略</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Run, or pause and resume</source>
        <translation>运行；或暂停、继续</translation>
    </message>
    <message>
        <source>Next experiment (of the lesson)</source>
        <translation>（本课的）下一个实验</translation>
    </message>
    <message>
        <source>Previous experiment</source>
        <translation>上一个实验</translation>
    </message>
    <message>
        <source>Reset to the initial weights</source>
        <translation>重置到初始权重</translation>
    </message>
    <message>
        <source>Train a single step, then pause</source>
        <translation>训练一步后暂停</translation>
    </message>
    <message>
        <source>Presentation mode: full screen, large type</source>
        <translation>演示模式：全屏、大字体</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>Larger type</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>Smaller type</source>
        <translation>缩小字体</translation>
    </message>
    <message>
        <source>Type size back to normal</source>
        <translation>恢复默认字号</translation>
    </message>
    <message>
        <source>Fold the controls away, or show them</source>
        <translation>收起或展开控制面板</translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>显示这张按键列表</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Space, R and S act everywhere except while you type in a text field; Esc in a field gives the keys back to the plots.</source>
        <translation>空格、R 和 S 随处可用，只有在文本框里打字时除外；在输入框中按 Esc 可把按键交还给图表。</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>High contrast (projector)</source>
        <translation>高对比度（投影仪）</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>activations</name>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>softsign</source>
        <translation>softsign</translation>
    </message>
    <message>
        <source>linear (identity)</source>
        <translation>线性（恒等）</translation>
    </message>
    <message>
        <source>maxout</source>
        <translation>maxout</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>initialization scheme</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>mean μ of the normal</source>
        <translation>正态分布的均值 μ</translation>
    </message>
    <message>
        <source>standard deviation σ</source>
        <translation>标准差 σ</translation>
    </message>
    <message>
        <source>uniform lower bound a</source>
        <translation>均匀分布的下限 a</translation>
    </message>
    <message>
        <source>uniform upper bound b</source>
        <translation>均匀分布的上限 b</translation>
    </message>
    <message>
        <source>constant c</source>
        <translation>常数 c</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>增益 gain</translation>
    </message>
    <message>
        <source>which fan Kaiming divides by</source>
        <translation>Kaiming 除以哪一个扇数（扇入或扇出）</translation>
    </message>
    <message>
        <source>nonlinearity Kaiming&apos;s gain is for</source>
        <translation>Kaiming 增益所针对的非线性函数</translation>
    </message>
    <message>
        <source>negative slope for Kaiming&apos;s leaky ReLU gain</source>
        <translation>Kaiming 的 leaky ReLU 增益所用的负半轴斜率</translation>
    </message>
    <message>
        <source>initial value of every bias</source>
        <translation>每个偏置的初始值</translation>
    </message>
    <message>
        <source>LSUV: allowed |Var − 1|</source>
        <translation>LSUV：允许的 |Var − 1|</translation>
    </message>
    <message>
        <source>LSUV: iterations per layer</source>
        <translation>LSUV：每层的迭代次数</translation>
    </message>
    <message>
        <source>RBM: epochs per layer</source>
        <translation>RBM：每层的训练轮数</translation>
    </message>
    <message>
        <source>RBM: CD-1 learning rate</source>
        <translation>RBM：CD-1 的学习率</translation>
    </message>
    <message>
        <source>number of hidden layers</source>
        <translation>隐藏层的层数</translation>
    </message>
    <message>
        <source>units per hidden layer</source>
        <translation>每个隐藏层的单元数</translation>
    </message>
    <message>
        <source>explicit hidden widths</source>
        <translation>逐层指定的隐藏层宽度</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隐藏层的激活函数</translation>
    </message>
    <message>
        <source>leaky ReLU slope</source>
        <translation>leaky ReLU 的斜率</translation>
    </message>
    <message>
        <source>maxout: pieces per unit</source>
        <translation>maxout：每个单元的分段数</translation>
    </message>
    <message>
        <source>dense layers have a bias</source>
        <translation>全连接层带偏置</translation>
    </message>
    <message>
        <source>batch normalization before the activation</source>
        <translation>在激活函数之前做批归一化</translation>
    </message>
    <message>
        <source>identity skip around each hidden layer where widths match</source>
        <translation>宽度相同时，在每个隐藏层外加一条恒等捷径</translation>
    </message>
    <message>
        <source>output layer and loss</source>
        <translation>输出层和损失函数</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>samples (normal inputs, flower points)</source>
        <translation>样本数（正态输入或“花朵”的点）</translation>
    </message>
    <message>
        <source>features of the normal inputs</source>
        <translation>正态输入的特征数</translation>
    </message>
    <message>
        <source>classes of the normal inputs&apos; labels</source>
        <translation>正态输入的标签类别数</translation>
    </message>
    <message>
        <source>MNIST: which set</source>
        <translation>MNIST：使用哪一套数据</translation>
    </message>
    <message>
        <source>samples the per-layer statistics are measured on</source>
        <translation>用来测量每层统计量的样本数</translation>
    </message>
    <message>
        <source>training batches (0: no training)</source>
        <translation>训练批次数（0：不训练）</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>momentum coefficient</source>
        <translation>动量系数</translation>
    </message>
    <message>
        <source>batch size (0: full batch)</source>
        <translation>批大小（0：全部数据一批）</translation>
    </message>
    <message>
        <source>L2 weight decay</source>
        <translation>L2 权重衰减</translation>
    </message>
    <message>
        <source>clip the global gradient norm (0: off)</source>
        <translation>裁剪整体梯度范数（0：关闭）</translation>
    </message>
    <message>
        <source>clip each gradient value (0: off)</source>
        <translation>裁剪每个梯度值（0：关闭）</translation>
    </message>
    <message>
        <source>steps between validations</source>
        <translation>两次验证之间的步数</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>histogram bins</source>
        <translation>直方图分箱数</translation>
    </message>
    <message>
        <source>record each hidden unit&apos;s incoming weights</source>
        <translation>记录每个隐藏单元的输入权重</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Activations at initialization</source>
        <translation>初始化时的激活值</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio: activations and gradients</source>
        <translation>Glorot 与 Bengio：激活值和梯度</translation>
    </message>
    <message>
        <source>MNIST: training from different starts</source>
        <translation>MNIST：从不同起点开始训练</translation>
    </message>
    <message>
        <source>The flower: a small MLP</source>
        <translation>“花朵”数据：一个小型 MLP</translation>
    </message>
    <message>
        <source>Why constant initialization fails</source>
        <translation>为什么常数初始化行不通</translation>
    </message>
    <message>
        <source>Deep ReLU: He vs Xavier</source>
        <translation>深层 ReLU：He 对比 Xavier</translation>
    </message>
    <message>
        <source>Unsupervised pre-training</source>
        <translation>无监督预训练</translation>
    </message>
    <message>
        <source>Remedies for vanishing and exploding gradients</source>
        <translation>应对梯度消失和梯度爆炸</translation>
    </message>
    <message>
        <source>Weight distributions</source>
        <translation>权重的分布</translation>
    </message>
    <message>
        <source>Sigmoid, N(0, 1): saturation</source>
        <translation>Sigmoid + N(0, 1)：饱和</translation>
    </message>
    <message>
        <source>What happens to a sigmoid network when every weight is drawn from N(0, 1)? Each unit sums 100 inputs, so its input has a spread of about 10 and the sigmoid is pushed to its flat ends. Look at the histograms: in every layer the activations pile up at 0 and 1. There the slope of the sigmoid is almost zero, so almost no gradient flows back and the network cannot learn.</source>
        <translation>如果每个权重都从 N(0, 1) 中抽取，sigmoid 网络会怎样？每个单元要把 100 个输入加起来，输入的标准差约为 10，sigmoid 被推到两端平坦的区域。看直方图：每一层的激活值都堆在 0 和 1 附近。那里 sigmoid 的斜率几乎为零，几乎没有梯度能传回来，网络也就学不动。</translation>
    </message>
    <message>
        <source>Sigmoid, N(0, 0.01): collapse</source>
        <translation>Sigmoid + N(0, 0.01)：塌缩</translation>
    </message>
    <message>
        <source>What if the weights are tiny instead, N(0, 0.01)? Each unit&apos;s input is then close to 0 and the sigmoid answers 0.5 to everything. Look at the histograms: every layer is one narrow spike at 0.5. All units say the same thing, so the layers carry almost no information about the input.</source>
        <translation>反过来，如果权重非常小，取 N(0, 0.01) 呢？这时每个单元的输入都接近 0，sigmoid 对什么输入都回答 0.5。看直方图：每一层都只剩 0.5 处的一根窄尖峰。所有单元输出都一样，各层几乎不再携带关于输入的信息。</translation>
    </message>
    <message>
        <source>Sigmoid, Xavier: a healthy spread</source>
        <translation>Sigmoid + Xavier：分布健康</translation>
    </message>
    <message>
        <source>Sigmoid: three starts side by side</source>
        <translation>Sigmoid：三种初始化并排对比</translation>
    </message>
    <message>
        <source>ReLU: tiny, Xavier and He</source>
        <translation>ReLU：极小值、Xavier 和 He</translation>
    </message>
    <message>
        <source>ReLU sets half of its inputs to zero, so each layer halves the variance of the signal. With N(0, 0.01) the signal dies within two layers. Xavier&apos;s 1/√n does not make up for the halving: the spread shrinks by about 1/√2 per layer. He&apos;s √(2/n) doubles the variance to compensate, and the spread holds across layers.</source>
        <translation>ReLU 会把一半的输入变成 0，所以每经过一层，信号的方差就减半。用 N(0, 0.01) 时，信号两层之内就消失了。Xavier 的 1/√n 弥补不了这种减半：标准差每层缩小约 1/√2。He 的 √(2/n) 把方差加倍来补偿，标准差在各层之间保持不变。</translation>
    </message>
    <message>
        <source>Tanh: saturation, collapse, spread</source>
        <translation>Tanh：饱和、塌缩与健康分布</translation>
    </message>
    <message>
        <source>Xavier&apos;s rule scales the weights by 1/√n, n being the number of inputs of a unit. The sum over n inputs then keeps a spread of about 1, the sigmoid&apos;s responsive middle range. Look at the histograms: the activations are broad and unsaturated, and they keep their width from the first layer to the last. (The clumps from layer 2 on are single units: the sigmoid&apos;s outputs are all positive, so each unit gets an offset of its own.)</source>
        <translation>Xavier 规则把权重按 1/√n 缩放（n 是一个单元的输入个数）。这样 n 个输入加起来的标准差约为 1，正好落在 sigmoid 反应灵敏的中间区域。看直方图：激活值分布宽、不饱和，而且从第一层到最后一层都保持着同样的宽度。（从第 2 层起出现的小团块是单个单元：sigmoid 的输出全是正数，所以每个单元都有自己的偏移。）</translation>
    </message>
    <message>
        <source>The three sigmoid starts at once. N(0, 1) saturates at 0 and 1, N(0, 0.01) collapses to a spike at 0.5, and Xavier keeps a broad spread in every layer. Compare the histograms layer by layer, then the spread against depth: only one of the three starts leaves the units both different and responsive.</source>
        <translation>把三种 sigmoid 初始化放在一起。N(0, 1) 在 0 和 1 处饱和，N(0, 0.01) 塌缩成 0.5 处的尖峰，Xavier 在每一层都保持较宽的分布。先逐层比较直方图，再看标准差随深度的变化：三者之中只有一种能让各单元既彼此不同、又反应灵敏。</translation>
    </message>
    <message>
        <source>Tanh behaves like the sigmoid but is centred at zero. With N(0, 1) the activations saturate at −1 and +1, where the slope and so the gradient is almost zero. With N(0, 0.01) they shrink towards 0 layer after layer, and with Xavier they keep a healthy spread.</source>
        <translation>tanh 的行为和 sigmoid 类似，但以 0 为中心。用 N(0, 1) 时激活值在 −1 和 +1 处饱和，那里的斜率、也就是梯度几乎为零。用 N(0, 0.01) 时激活值一层接一层地缩向 0；用 Xavier 时则保持健康的分布。</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio: activations, standard vs normalized</source>
        <translation>Glorot 与 Bengio：激活值，标准初始化对比归一化初始化</translation>
    </message>
    <message>
        <source>Does the popular rule U[−1/√n, 1/√n) keep the signal alive in a deep tanh network? Five tanh layers read MNIST images, and we look at their activations before any training. With the standard rule each weight has a variance of 1/(3n), so every layer shrinks the signal by about 1/√3 and the histograms narrow toward 0 from layer to layer. Glorot and Bengio&apos;s normalized rule, U[±√(6/(n + n_out))), gives a variance of about 1/n, and the histograms stay alike in every layer.</source>
        <translation>常用的 U[−1/√n, 1/√n) 规则能让信号在深层 tanh 网络中保持活力吗？五层 tanh 网络读入 MNIST 图片，我们在训练之前观察各层的激活值。用标准规则时，每个权重的方差是 1/(3n)，每层都把信号缩小约 1/√3，直方图一层比一层更向 0 收窄。Glorot 和 Bengio 的归一化规则 U[±√(6/(n + n_out))) 给出约 1/n 的方差，各层的直方图保持相似。</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio: back-propagated gradients</source>
        <translation>Glorot 与 Bengio：反向传播的梯度</translation>
    </message>
    <message>
        <source>The same two starts, seen from the other side: how large is the gradient dL/ds that reaches each layer on its way back from the loss? With the standard rule the gradient shrinks on every layer it passes, so the spread differs strongly between the top and the bottom layer and the lower layers would learn much more slowly. The normalized rule balances the forward and the backward pass (that is why it uses both n and n_out), and the gradient spread is about the same in every layer.</source>
        <translation>还是这两种初始化，换个方向看：从损失往回传时，到达每一层的梯度 dL/ds 有多大？用标准规则时，梯度每经过一层就变小，顶层和底层的差别很大，底下几层会学得慢得多。归一化规则同时兼顾前向和反向传播（所以它同时用到 n 和 n_out），每一层的梯度分布大致相同。</translation>
    </message>
    <message>
        <source>Xavier for tanh and for the sigmoid (×4)</source>
        <translation>Xavier 用于 tanh 和 sigmoid（×4）</translation>
    </message>
    <message>
        <source>Xavier&apos;s rule draws weights from U[−a, a) with a = √(6/(n_in + n_out)), or from N(0, σ²) with σ = √(2/(n_in + n_out)); it assumes an activation whose slope at 0 is 1, as tanh&apos;s is. The logistic sigmoid has slope 1/4 at 0, so the same weights make each layer shrink the gradient about four times: compare the gradient spread per layer of &apos;sigmoid, Xavier&apos; with that of tanh. Multiplying the range by 4 (a = 4·√(6/(n_in + n_out)), σ = 4·√(2/(n_in + n_out))) makes up for the smaller slope, and the sigmoid&apos;s gradients then hold up about as well as tanh&apos;s, in both the uniform and the normal form.</source>
        <translation>Xavier 规则从 U[−a, a)（a = √(6/(n_in + n_out))）或 N(0, σ²)（σ = √(2/(n_in + n_out))）中抽取权重；它假设激活函数在 0 处的斜率为 1，tanh 正是如此。logistic sigmoid 在 0 处的斜率只有 1/4，同样的权重会让梯度每层缩小约四倍：对比“sigmoid, Xavier”和 tanh 每层的梯度分布。把范围乘以 4（a = 4·√(6/(n_in + n_out))，σ = 4·√(2/(n_in + n_out))）就能弥补较小的斜率，这时无论均匀形式还是正态形式，sigmoid 的梯度都能和 tanh 一样保持住。</translation>
    </message>
    <message>
        <source>All zeros vs all ones</source>
        <translation>全零对比全一</translation>
    </message>
    <message>
        <source>What if every weight starts with the same value, 0 or 1? Then every unit of a layer computes the same thing and receives the same gradient, so the units stay copies of each other forever: the symmetry never breaks. With all zeros no gradient reaches the hidden layers at all, and only the output biases learn the class frequencies. With all ones the outputs are enormous, so the loss is huge. Look at the accuracy: both stay near chance, about 10 %, and the units pane shows identical incoming weights.</source>
        <translation>如果所有权重都从同一个值（0 或 1）开始呢？那么同一层的每个单元都计算同样的东西、得到同样的梯度，它们永远是彼此的复制品：对称性始终打不破。全零时，梯度根本到不了隐藏层，只有输出层的偏置学到了各类别的频率。全一时，输出极大，损失也极大。看准确率：两者都停在随机猜测的水平，约 10 %；单元图显示各单元的输入权重完全相同。</translation>
    </message>
    <message>
        <source>Uniform U[0, 1): a poor baseline</source>
        <translation>均匀分布 U[0, 1)：一个糟糕的基线</translation>
    </message>
    <message>
        <source>A first naive start: every weight drawn uniformly between 0 and 1. All weights are positive, so each unit adds up hundreds of positive terms and the outputs are huge at first. Look at the loss: it starts very large and falls slowly, and after 858 batches the accuracy is only mediocre. The next presets show what goes wrong and how to fix it.</source>
        <translation>第一个天真的做法：每个权重都在 0 和 1 之间均匀抽取。所有权重都是正的，每个单元要把几百个正数加起来，一开始输出就非常大。看损失：起点很高、下降很慢，858 个批次后准确率也只是一般。接下来的几个预设会说明问题出在哪里、该怎么改。</translation>
    </message>
    <message>
        <source>U[0, 1) vs U[−1, 1): centre at zero</source>
        <translation>U[0, 1) 对比 U[−1, 1)：以零为中心</translation>
    </message>
    <message>
        <source>Does it help to let the weights be negative too? With U[−1, 1) the weights are centred at zero, so the positive and negative terms of each unit&apos;s sum cancel in part and the signals stay much smaller. Compare the two loss curves and the table: the centred start learns far faster and ends far more accurate.</source>
        <translation>让权重也可以取负值，有帮助吗？用 U[−1, 1) 时权重以 0 为中心，每个单元求和中的正项和负项会部分抵消，信号小得多。比较两条损失曲线和结果表：以零为中心的初始化学得快得多，最终也准确得多。</translation>
    </message>
    <message>
        <source>How wide should the uniform be?</source>
        <translation>均匀分布该取多宽？</translation>
    </message>
    <message>
        <source>Four centred uniform starts, from ±1 down to ±0.001. Too wide (±1) and the outputs are large, the first steps are wild and the loss stays high. Around ±0.1 the network learns fastest and ends best. Smaller still (±0.01, ±0.001) the signals and gradients are so weak that the network needs many steps just to get going, so it falls behind again. Look at the early loss and the table: the scale matters, and there is a sweet spot.</source>
        <translation>四种以零为中心的均匀分布，从 ±1 一直到 ±0.001。太宽（±1）时输出很大，最初几步很不稳定，损失一直偏高。±0.1 左右时网络学得最快、结果最好。再小（±0.01、±0.001）时信号和梯度太弱，网络要走很多步才能起步，于是又落后了。看前期的损失和结果表：尺度很重要，存在一个最佳点。</translation>
    </message>
    <message>
        <source>±0.1 vs the general rule U[±1/√n)</source>
        <translation>±0.1 对比通用规则 U[±1/√n)</translation>
    </message>
    <message>
        <source>Must we hunt for the right number by hand? The general rule sets the range from the layer itself: U[−1/√n, 1/√n) with n the number of inputs of a unit, here 1/√784 ≈ 0.036 for the first layer and 1/√256 = 0.0625 for the second. Compare it with the hand-picked ±0.1: the curves and the final accuracy are close. The rule needs no hand-picked number and adapts when the layers change size.</source>
        <translation>一定要手动去试出合适的数吗？通用规则根据层本身来确定范围：U[−1/√n, 1/√n)，n 是一个单元的输入个数；这里第一层是 1/√784 ≈ 0.036，第二层是 1/√256 = 0.0625。和手选的 ±0.1 比较：曲线和最终准确率都很接近。这条规则不需要手选数字，层的大小变了它也会自动调整。</translation>
    </message>
    <message>
        <source>Uniform vs normal</source>
        <translation>均匀分布对比正态分布</translation>
    </message>
    <message>
        <source>Does the shape of the distribution matter, or only its size? U[−0.1, 0.1) and N(0, 0.1) both centre at zero with a similar scale (the uniform&apos;s standard deviation is 0.058, the normal&apos;s 0.1). Compare the curves and the table: they train about the same. What matters is that the weights are centred and of a sensible size.</source>
        <translation>分布的形状重要吗，还是只有大小重要？U[−0.1, 0.1) 和 N(0, 0.1) 都以 0 为中心，尺度也相近（均匀分布的标准差是 0.058，正态分布是 0.1）。比较曲线和结果表：两者训练效果差不多。关键在于权重以零为中心、大小合适。</translation>
    </message>
    <message>
        <source>Normal vs truncated normal</source>
        <translation>正态分布对比截断正态分布</translation>
    </message>
    <message>
        <source>A truncated normal redraws every value that falls more than two standard deviations from the mean, so no weight starts unusually large. Look at the weight histograms first: the truncated one has no tails. Then compare the training curves: on a network this small they are about the same, because a few large weights do little harm here. Truncation matters more in very deep or very wide networks.</source>
        <translation>截断正态分布会把偏离均值超过两个标准差的值重新抽取，所以不会有特别大的初始权重。先看权重直方图：截断后的分布没有长尾。再比较训练曲线：在这么小的网络上两者差不多，因为少数较大的权重在这里影响不大。在非常深或非常宽的网络中，截断的作用更明显。</translation>
    </message>
    <message>
        <source>Where we started vs where we ended</source>
        <translation>起点对比终点</translation>
    </message>
    <message>
        <source>The naive start U[0, 1) against a good one, the truncated normal with σ = 0.1. Everything else is the same: the data, the order of the batches and the optimizer. Compare the loss curves and the table: the gap is large, and it comes from the initialization alone.</source>
        <translation>天真的 U[0, 1) 对比一个好的初始化：σ = 0.1 的截断正态分布。其余一切都相同：数据、批次顺序和优化器。比较损失曲线和结果表：差距很大，而这完全来自初始化。</translation>
    </message>
    <message>
        <source>The flower: tiny weights vs Xavier</source>
        <translation>“花朵”数据：极小权重对比 Xavier</translation>
    </message>
    <message>
        <source>A network with one hidden layer of 64 tanh units learns to separate the two classes of the flower, by plain gradient descent on all 400 points at once. Started from N(0, 0.01), every unit outputs almost 0, the network says 50 % for every point, and the loss sits near ln 2 ≈ 0.693 for a long time: the gradients are as tiny as the weights. Started from Xavier&apos;s N(0, 1/√n), the loss falls from the first steps. Watch the decision boundary: Xavier&apos;s soon wraps around the petals, while the small start stays blank for a long while before it catches up.</source>
        <translation>一个只有一层隐藏层（64 个 tanh 单元）的网络，用普通梯度下降一次使用全部 400 个点，学习把“花朵”的两类分开。从 N(0, 0.01) 开始时，每个单元的输出几乎都是 0，网络对每个点都说 50 %，损失长时间停在 ln 2 ≈ 0.693 附近：梯度和权重一样小。从 Xavier 的 N(0, 1/√n) 开始时，损失从最初几步就开始下降。看决策边界：Xavier 很快就包住了花瓣，而小权重的起点很长时间一片空白，之后才慢慢追上。</translation>
    </message>
    <message>
        <source>Constant weights: every unit the same</source>
        <translation>常数权重：每个单元都一样</translation>
    </message>
    <message>
        <source>Why not start every weight at 0, or at some other constant? Then all hidden units compute the same function, receive the same gradient and make the same update, so they stay identical forever and eight units are no better than one. Look at the units pane: with all zeros nothing moves at all (no gradient reaches the hidden layer), with all 0.5 the eight lines move but lie exactly on top of each other, and only Xavier&apos;s random start gives eight different units. The boundary shows the cost: the constant starts cannot bend around the petals.</source>
        <translation>为什么不把每个权重都设为 0，或者别的某个常数？那样所有隐藏单元计算同一个函数、得到同样的梯度、做同样的更新，永远一模一样，八个单元并不比一个强。看单元图：全零时什么都不动（梯度到不了隐藏层）；全 0.5 时八条线在动，却完全重叠在一起；只有 Xavier 的随机初始化得到八个不同的单元。决策边界显示了代价：常数初始化无法弯曲着绕过花瓣。</translation>
    </message>
    <message>
        <source>30 ReLU layers: He vs Xavier</source>
        <translation>30 层 ReLU：He 对比 Xavier</translation>
    </message>
    <message>
        <source>Xavier&apos;s rule was worked out for activations that are symmetric around 0, but a ReLU sets half of its inputs to zero and so halves the variance of the signal in every layer. Over 30 layers that compounds: look at the spread against depth, where Xavier&apos;s falls by about 1/√2 per layer, as the drawn prediction says, until almost nothing reaches the top, and the gradients fade the same way on the way back. He&apos;s rule uses σ = √(2/n), twice Xavier&apos;s variance, to make up for the halving, and the spread holds from the first layer to the last. Then watch the loss: Xavier&apos;s barely moves from ln 10 ≈ 2.3, while He&apos;s falls.</source>
        <translation>Xavier 规则是为关于 0 对称的激活函数推导的，而 ReLU 会把一半输入变成 0，每层都让信号方差减半。30 层累积下来：看标准差随深度的变化，Xavier 每层下降约 1/√2（与图中画出的理论预测一致），到顶层几乎什么都不剩，反向传播时梯度也同样逐渐消失。He 规则用 σ = √(2/n)，即 Xavier 方差的两倍，来弥补减半，标准差从第一层到最后一层都保持住。再看损失：Xavier 几乎停在 ln 10 ≈ 2.3 不动，而 He 在下降。</translation>
    </message>
    <message>
        <source>Unsupervised pre-training with RBMs</source>
        <translation>用 RBM 做无监督预训练</translation>
    </message>
    <message>
        <source>Before good random starts were known, deep networks were started by pre-training: each hidden layer is first trained alone, without labels, as a restricted Boltzmann machine that learns to reconstruct the layer below (contrastive divergence, CD-1). The pre-training pane shows this stage: the reconstruction error of each RBM falls epoch by epoch. The stacked RBMs then become the start for ordinary training with labels. Compare the loss with the same sigmoid network started from N(0, 0.01), which hardly moves because its signals and gradients are too weak, and from Xavier, which catches up: pre-training gives useful hidden units from the first step.</source>
        <translation>在人们找到好的随机初始化之前，深层网络靠预训练来起步：每个隐藏层先单独、无标签地训练成一个受限玻尔兹曼机（RBM），学习重建下面那一层（对比散度 CD-1）。预训练图显示这个阶段：每个 RBM 的重建误差一轮一轮地下降。然后把堆叠起来的 RBM 作为起点，进行普通的有标签训练。与从 N(0, 0.01) 开始的同一个 sigmoid 网络比较，它的信号和梯度太弱，几乎不动；再与 Xavier 比较，它会慢慢追上：预训练从第一步起就提供了有用的隐藏单元。</translation>
    </message>
    <message>
        <source>Exploding gradients: clipping and smaller steps</source>
        <translation>梯度爆炸：裁剪与更小的步长</translation>
    </message>
    <message>
        <source>Five ReLU layers started from N(0, 1) make every layer multiply the signal by about eight, so the loss and the gradients are astronomically large from the start. Without a remedy the first updates are so big that the weights overflow: the loss jumps, turns into NaN or infinity, and the app marks the run &apos;diverged at step k&apos; while the others go on. Clipping the gradient&apos;s norm to 1 caps the size of every update, and a ten times smaller learning rate shrinks it; both keep the loss finite. L2 weight decay only pulls the weights back a little per step, far too slowly to stop an explosion this fast, so it diverges like the unremedied run.</source>
        <translation>五层 ReLU 网络从 N(0, 1) 开始，每层把信号放大约八倍，所以一开始损失和梯度就大得惊人。不加处理时，最初的几次更新大到让权重溢出：损失猛跳，变成 NaN 或无穷大，程序把这个运行标为“在第 k 步发散”，其他运行继续。把梯度范数裁剪到 1 可以限制每次更新的大小，把学习率缩小十倍也能让更新变小；两者都让损失保持有限。L2 权重衰减每步只把权重往回拉一点点，远远赶不上这么快的爆炸，所以它和不加处理的运行一样发散。</translation>
    </message>
    <message>
        <source>Batch normalization rescues a bad start</source>
        <translation>批归一化挽救糟糕的初始化</translation>
    </message>
    <message>
        <source>Ten sigmoid layers started badly: N(0, 1) saturates most units at 0 or 1, and N(0, 0.01) collapses every layer to a spike at 0.5. Without batch normalization the two train very differently, and the tiny start hardly learns at all. Batch normalization rescales each unit&apos;s input to mean 0 and spread 1 on every batch, before the sigmoid, so the scale of the initial weights no longer reaches the activations. Compare the four loss curves: with batch norm both starts train well and end close together, nearly indifferent to the initial scale.</source>
        <translation>十层 sigmoid 网络，初始化都很糟：N(0, 1) 让大多数单元饱和在 0 或 1，N(0, 0.01) 让每一层都塌缩成 0.5 处的尖峰。没有批归一化时，两者训练结果差别很大，极小的初始化几乎学不动。批归一化在每个批次上、在 sigmoid 之前，把每个单元的输入重新缩放到均值 0、标准差 1，初始权重的尺度就不再影响激活值。比较四条损失曲线：加了批归一化后，两种初始化都训练得很好，结果也很接近，几乎与初始尺度无关。</translation>
    </message>
    <message>
        <source>50 layers: plain vs residual</source>
        <translation>50 层：普通网络对比残差网络</translation>
    </message>
    <message>
        <source>Fifty sigmoid layers from the same Xavier start, once plain and once with an identity skip around every layer (h = f(s) + x). In the plain network the gradient passes through 50 sigmoid slopes, each at most 1/4, so it vanishes on the way down: look at the gradient spread per layer, where the bottom layers get nothing at all, and the loss stays at ln 10 ≈ 2.3. The skip gives the gradient a path that bypasses every slope, so every layer receives a usable gradient and the residual network trains. Its first losses are large, because the skips add up the outputs of all 50 layers, but they fall fast.</source>
        <translation>五十层 sigmoid 网络，同样从 Xavier 开始，一个是普通网络，另一个在每层外加一条恒等捷径（h = f(s) + x）。在普通网络中，梯度要穿过 50 个 sigmoid 斜率，每个最多 1/4，往下传时就消失了：看每层的梯度分布，底下几层什么也得不到，损失停在 ln 10 ≈ 2.3。捷径给梯度提供了一条绕开所有斜率的路，每一层都能收到可用的梯度，残差网络就能训练。它最初的损失很大，因为捷径把 50 层的输出都加了起来，但下降得很快。</translation>
    </message>
    <message>
        <source>Which activations keep the gradient alive?</source>
        <translation>哪些激活函数能让梯度保持活力？</translation>
    </message>
    <message>
        <source>Ten layers, one start (He&apos;s N(0, √(2/n))), six activations: how large is the gradient that reaches each layer? The sigmoid&apos;s slope is at most 1/4, so its gradient shrinks fastest, by several times per layer. ReLU and leaky ReLU have slope 1 wherever they are active, and with He&apos;s start their gradient keeps its size from the top to the bottom. Tanh, ELU and maxout sit in between or even grow a little with this start; look at the gradient spread per layer side by side.</source>
        <translation>十层网络、同一种初始化（He 的 N(0, √(2/n))）、六种激活函数：到达每一层的梯度有多大？sigmoid 的斜率最多 1/4，所以它的梯度缩小得最快，每层缩小好几倍。ReLU 和 leaky ReLU 在激活区域斜率为 1，配合 He 初始化，梯度从顶层到底层保持大小不变。tanh、ELU 和 maxout 介于两者之间，在这种初始化下甚至略有增大；并排看看每层的梯度分布。</translation>
    </message>
    <message>
        <source>Weight distributions: uniform, normal, truncated</source>
        <translation>权重分布：均匀、正态、截断正态</translation>
    </message>
    <message>
        <source>What do the weights of a scheme actually look like? Here one layer of 65,536 weights is drawn three ways: uniformly from U[−3, 3), from the normal N(0, 1), and from N(0, 1) truncated at two standard deviations, where every value beyond ±2 is drawn again. Look at the weight histograms: the uniform is flat with hard edges and a standard deviation of √3 ≈ 1.73; the normal is a bell with thin tails; the truncated normal is the same bell with its tails cut off, so its standard deviation drops to about 0.88.</source>
        <translation>一种初始化方法抽出的权重到底长什么样？这里用三种方式抽取同一层的 65,536 个权重：均匀分布 U[−3, 3)、正态分布 N(0, 1)，以及在两个标准差处截断的 N(0, 1)（超出 ±2 的值重新抽取）。看权重直方图：均匀分布是平的，边缘陡直，标准差为 √3 ≈ 1.73；正态分布是一口钟，尾巴很细；截断正态是同样的钟形但尾巴被切掉，所以标准差降到约 0.88。</translation>
    </message>
</context>
<context>
    <name>schemes</name>
    <message>
        <source>all zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>W = 0</source>
        <translation>W = 0</translation>
    </message>
    <message>
        <source>all ones</source>
        <translation>全一</translation>
    </message>
    <message>
        <source>W = 1</source>
        <translation>W = 1</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>W = c</source>
        <translation>W = c</translation>
    </message>
    <message>
        <source>uniform U[a, b)</source>
        <translation>均匀分布 U[a, b)</translation>
    </message>
    <message>
        <source>W ~ U[a, b)</source>
        <translation>W ~ U[a, b)</translation>
    </message>
    <message>
        <source>normal N(μ, σ)</source>
        <translation>正态分布 N(μ, σ)</translation>
    </message>
    <message>
        <source>W ~ N(μ, σ²)</source>
        <translation>W ~ N(μ, σ²)</translation>
    </message>
    <message>
        <source>truncated normal</source>
        <translation>截断正态分布</translation>
    </message>
    <message>
        <source>W ~ N(μ, σ²), values beyond μ ± 2σ redrawn</source>
        <translation>W ~ N(μ, σ²)，超出 μ ± 2σ 的值重新抽取</translation>
    </message>
    <message>
        <source>1/√n rule (Glorot&apos;s &quot;standard&quot;)</source>
        <translation>1/√n 规则（Glorot 的“标准”初始化）</translation>
    </message>
    <message>
        <source>W ~ U[-1/√n, 1/√n),  n = fan_in</source>
        <translation>W ~ U[-1/√n, 1/√n)，n = 扇入 fan_in</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot 均匀分布</translation>
    </message>
    <message>
        <source>W ~ U[-a, a),  a = gain · √(6 / (n_in + n_out))</source>
        <translation>W ~ U[-a, a)，a = gain · √(6 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>Xavier/Glorot normal</source>
        <translation>Xavier/Glorot 正态分布</translation>
    </message>
    <message>
        <source>W ~ N(0, σ²),  σ = gain · √(2 / (n_in + n_out))</source>
        <translation>W ~ N(0, σ²)，σ = gain · √(2 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>Xavier uniform ×4 (logistic)</source>
        <translation>Xavier 均匀分布 ×4（logistic）</translation>
    </message>
    <message>
        <source>W ~ U[-a, a),  a = 4 · gain · √(6 / (n_in + n_out))</source>
        <translation>W ~ U[-a, a)，a = 4 · gain · √(6 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>Xavier normal ×4 (logistic)</source>
        <translation>Xavier 正态分布 ×4（logistic）</translation>
    </message>
    <message>
        <source>W ~ N(0, σ²),  σ = 4 · gain · √(2 / (n_in + n_out))</source>
        <translation>W ~ N(0, σ²)，σ = 4 · gain · √(2 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>He/Kaiming/MSRA uniform</source>
        <translation>He/Kaiming/MSRA 均匀分布</translation>
    </message>
    <message>
        <source>W ~ U[-a, a),  a = gain · √(3 / n),  gain = √(2 / (1 + slope²)) for ReLU</source>
        <translation>W ~ U[-a, a)，a = gain · √(3 / n)；对 ReLU 类，gain = √(2 / (1 + slope²))</translation>
    </message>
    <message>
        <source>He/Kaiming/MSRA normal</source>
        <translation>He/Kaiming/MSRA 正态分布</translation>
    </message>
    <message>
        <source>W ~ N(0, σ²),  σ = gain / √n,  gain = √(2 / (1 + slope²)) for ReLU</source>
        <translation>W ~ N(0, σ²)，σ = gain / √n；对 ReLU 类，gain = √(2 / (1 + slope²))</translation>
    </message>
    <message>
        <source>LeCun uniform</source>
        <translation>LeCun 均匀分布</translation>
    </message>
    <message>
        <source>W ~ U[-a, a),  a = √(3 / n_in)</source>
        <translation>W ~ U[-a, a)，a = √(3 / n_in)</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 正态分布</translation>
    </message>
    <message>
        <source>W ~ N(0, σ²),  σ = 1/√n_in</source>
        <translation>W ~ N(0, σ²)，σ = 1/√n_in</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>W = gain · Q,  Q from QR of a normal matrix (sign-fixed)</source>
        <translation>W = gain · Q，Q 由正态随机矩阵做 QR 分解得到（已修正符号）</translation>
    </message>
    <message>
        <source>LSUV (layer-sequential unit variance)</source>
        <translation>LSUV（逐层单位方差）</translation>
    </message>
    <message>
        <source>orthogonal, then each layer scaled by 1/std(output) until |Var − 1| &lt; tol</source>
        <translation>先正交初始化，再把每层乘以 1/std(输出)，直到 |Var − 1| &lt; tol</translation>
    </message>
    <message>
        <source>RBM pre-training (CD-1)</source>
        <translation>RBM 预训练（CD-1）</translation>
    </message>
    <message>
        <source>greedy stack of RBMs trained by contrastive divergence; weights start N(0, 0.01)</source>
        <translation>逐层贪心训练的 RBM 堆叠（对比散度）；权重从 N(0, 0.01) 开始</translation>
    </message>
</context>
</TS>
