<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoundaryPane</name>
    <message>
        <source>The decision boundary is drawn only for 2-D inputs (the flower data); these inputs have more dimensions than a map can show</source>
        <translation>决策边界只对二维输入（花瓣数据）绘制；这些输入的维数多于一张平面图所能显示的</translation>
    </message>
    <message>
        <source>Decision boundary: colour = P(class 1), from blue 0 via white 0.5 to orange 1; dots: the training points</source>
        <translation>决策边界：颜色 = P(类别 1)，从蓝色 0 经白色 0.5 到橙色 1；圆点是训练样本</translation>
    </message>
    <message>
        <source>Incoming weights of hidden layer 1&apos;s units (a decision boundary is drawn only for 2-D inputs)</source>
        <translation>第 1 隐藏层各单元的输入权重（决策边界只对二维输入绘制）</translation>
    </message>
    <message>
        <source>Each unit of hidden layer 1: its weight from one input during training (a line a unit)</source>
        <translation>第 1 隐藏层的每个单元：训练过程中它来自同一个输入的权重（每个单元一条线）</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
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
    <message>
        <source>map: P = {0:.2f} everywhere</source>
        <translation>图中处处 P = {0:.2f}</translation>
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
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Runs that also change other settings: </source>
        <translation>同时改动了其他设置的运行：</translation>
    </message>
    <message>
        <source>Bias spread σ_b</source>
        <translation>偏置分布宽度 σ_b</translation>
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
        <source>At the start</source>
        <translation>开始时</translation>
    </message>
    <message>
        <source>Show each run as it was at initialization, with the dashed prediction and the finite-width band, however far it has trained since</source>
        <translation>显示每个运行在初始化时的样子，连同虚线预测和有限宽度误差带，不论它之后已经训练了多久</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
    <message>
        <source>activation std below 10⁻⁴⁵ in layers {0}: ▼ at the bottom</source>
        <translation>第 {0} 层的激活标准差低于 10⁻⁴⁵：见底部的 ▼</translation>
    </message>
    <message>
        <source>gradient std below 10⁻⁴⁵ in layers {0}: ▼ at the bottom</source>
        <translation>第 {0} 层的梯度标准差低于 10⁻⁴⁵：见底部的 ▼</translation>
    </message>
    <message>
        <source>same as {0}</source>
        <translation>与 {0} 相同</translation>
    </message>
    <message>
        <source>same as {0}: thin line on top</source>
        <translation>与 {0} 相同：细线画在上层</translation>
    </message>
    <message>
        <source>activation spread close to {0}&apos;s: thin line on top</source>
        <translation>激活分布宽度接近 {0}：细线画在上层</translation>
    </message>
    <message>
        <source>gradient spread close to {0}&apos;s: thin line on top</source>
        <translation>梯度分布宽度接近 {0}：细线画在上层</translation>
    </message>
    <message>
        <source>saturated and dead shares close to {0}&apos;s: thin marks on top</source>
        <translation>饱和与死亡比例接近 {0}：细标记画在上层</translation>
    </message>
    <message>
        <source>runs the same as one another: drawn as one thin line on top</source>
        <translation>彼此相同的运行：合画成上层的一条细线</translation>
    </message>
    <message>
        <source>solid: measured · left, dashed: predicted from the weights; band: where 90 % of networks of this width lie · right: ● saturated, □ dead (0 for every input)</source>
        <translation>实线：测量值 · 左图虚线：由权重得到的预测；阴影带：同样宽度的网络有 90 % 落在其中 · 右图：● 饱和，□ 死亡（对每个输入都为 0）</translation>
    </message>
    <message>
        <source>saturated and dead shares alike in every run: later runs&apos; marks thinner, on top</source>
        <translation>各运行的饱和与死亡比例相同：后面运行的标记更细，画在上层</translation>
    </message>
    <message>
        <source>% of values</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <source>values overflow (beyond ±3.4·10³⁸) in layers {0}</source>
        <translation>第 {0} 层的数值溢出（超出 ±3.4·10³⁸）</translation>
    </message>
    <message>
        <source>close to {0}: thin line on top</source>
        <translation>接近 {0}：细线画在上层</translation>
    </message>
    <message>
        <source>no finite-width band: not derived for batch norm</source>
        <translation>无有限宽度带：未对批归一化推导</translation>
    </message>
    <message>
        <source>no finite-width band: not derived for skip connections</source>
        <translation>无有限宽度带：未对跳跃连接推导</translation>
    </message>
    <message>
        <source>no finite-width band: not derived for maxout</source>
        <translation>无有限宽度带：未对 maxout 推导</translation>
    </message>
    <message>
        <source>no finite-width band: not checked for this activation</source>
        <translation>无有限宽度带：未对此激活函数验证</translation>
    </message>
    <message>
        <source>no finite-width band: the weights are not centred on zero</source>
        <translation>无有限宽度带：权重不以零为中心</translation>
    </message>
    <message>
        <source>trained weights are no longer independent draws: the dashed prediction and the band hold at the start (tick “At the start”)</source>
        <translation>训练后的权重不再是独立的随机抽样：虚线预测和误差带只适用于开始时（勾选“开始时”）</translation>
    </message>
    <message>
        <source>Shaded band: where 90 % of random networks with these layer widths and weight scales lie at the start. Each layer of n units multiplies the spread by a random factor whose log has a variance of about κ/n (κ = 5 for ReLU: Hanin and Nica 2019); the factors of the layers below carry through the mean-field map. Checked against simulated networks for ReLU and tanh.</source>
        <translation>阴影带：具有这些层宽度和权重尺度的随机网络在开始时有 90 % 落在其中。每个 n 个单元的层把离散程度乘以一个随机因子，其对数的方差约为 κ/n（ReLU 的 κ = 5：Hanin 和 Nica 2019）；下面各层的因子经平均场映射传递上来。已用 ReLU 和 tanh 的模拟网络验证。</translation>
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
    <name>DrawGuard</name>
    <message>
        <source>The {0} tab could not be drawn ({1}{2}); the other tabs are not affected</source>
        <translation>无法绘制“{0}”标签页（{1}{2}）；其他标签页不受影响</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>preset {0}</source>
        <translation>预设 {0}</translation>
    </message>
    <message>
        <source>open {0}</source>
        <translation>打开 {0}</translation>
    </message>
    <message>
        <source>several settings</source>
        <translation>多项设置</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>The question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What to look at</source>
        <translation>看哪里</translation>
    </message>
    <message>
        <source>The starts compared</source>
        <translation>比较的初始化</translation>
    </message>
    <message>
        <source>Take-away</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Your own experiment</source>
        <translation>你自己的实验</translation>
    </message>
    <message>
        <source>Choose an experiment on the left, or change any setting: without training, the plots follow every change.</source>
        <translation>在左侧选择一个实验，或者修改任意设置：不训练时，图会随每次修改立即更新。</translation>
    </message>
    <message>
        <source>every layer: {0}</source>
        <translation>每一层：{0}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>layers {0}–{1}</source>
        <translation>第 {0}–{1} 层</translation>
    </message>
    <message>
        <source>Xavier&apos;s rule for the forward pass alone (Var = 1/n_in), which LeCun gave first</source>
        <translation>即只考虑前向传播的 Xavier 规则（Var = 1/n_in），LeCun 最早提出</translation>
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
        <source>initviz sweep (*.csv *.json)</source>
        <translation>initviz 扫描 (*.csv *.json)</translation>
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
    <name>HeatmapPane</name>
    <message>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>pre-activations</source>
        <translation>预激活值</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Through training: each layer&apos;s {0} over the steps (colour: % of the layer&apos;s values)</source>
        <translation>训练过程：每层的{0}随训练步数的变化（颜色：该层数值的占比 %）</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
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
        <source>, log₁₀|x|</source>
        <translation>，log₁₀|x|</translation>
    </message>
</context>
<context>
    <name>HistogramPane</name>
    <message>
        <source>log₁₀|x| axis</source>
        <translation>log₁₀|x| 坐标轴</translation>
    </message>
    <message>
        <source>Show the magnitudes of the values on a log scale, positive values above the line and negative ones below, so that histograms orders of magnitude apart show side by side. Chosen automatically where the histograms drawn over one range differ more than 100-fold in spread.</source>
        <translation>以对数刻度显示数值的大小：正值画在横线上方，负值画在下方，使相差几个数量级的直方图可以并排比较。当同一范围内的直方图离散程度相差超过 100 倍时自动选用。</translation>
    </message>
    <message>
        <source>One range for all layers</source>
        <translation>所有层使用同一范围</translation>
    </message>
    <message>
        <source>Draw every layer over the same range, so that growth or shrinking from layer to layer shows; otherwise each layer has its own range, shared by the runs</source>
        <translation>所有层画在同一范围内，以显示逐层的增大或缩小；否则每层有自己的范围（各次运行共用）</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排显示</translation>
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
        <source>{0}, at the start</source>
        <translation>{0}，开始时</translation>
    </message>
    <message>
        <source>Give every run its own row, with its own y scale, instead of overlaying the runs in one plot per layer. Chosen automatically where one run would be a flat line under another&apos;s peak, or where more than four distinct runs would share a plot.</source>
        <translation>每个运行单独占一行、使用自己的纵轴刻度，而不是在每层的同一张图里叠加。当某次运行会在另一次运行的尖峰下变成一条平线，或者一张图里会有四个以上互不重合的运行时，自动选择此方式。</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>开始时</translation>
    </message>
    <message>
        <source>Show each run&apos;s histograms as they were at initialization (step 0), however far it has trained since</source>
        <translation>显示每个运行在初始化时（第 0 步）的直方图，不论它之后已经训练了多久</translation>
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
        <source>Gradients ∂L/∂u of each hidden layer</source>
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
        <source>zeros {0}</source>
        <translation>零值 {0}</translation>
    </message>
    <message>
        <source>not finite {0}</source>
        <translation>非有限值 {0}</translation>
    </message>
    <message>
        <source>every value exactly 0</source>
        <translation>所有值都恰好为 0</translation>
    </message>
    <message>
        <source>all 0</source>
        <translation>全 0</translation>
    </message>
    <message>
        <source>every layer</source>
        <translation>每一层</translation>
    </message>
    <message>
        <source>every layer shown</source>
        <translation>所显示的每一层</translation>
    </message>
    <message>
        <source>layers {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>every run {0}</source>
        <translation>每个运行 {0}</translation>
    </message>
    <message>
        <source>exact zeros (in no bar): {0}</source>
        <translation>精确零值（不计入任何柱）：{0}</translation>
    </message>
    <message>
        <source>values beyond ±3.4·10³⁸ (overflow) in layers {0}</source>
        <translation>第 {0} 层有超出 ±3.4·10³⁸ 的值（溢出）</translation>
    </message>
    <message>
        <source>not-a-number values in layers {0}</source>
        <translation>第 {0} 层有非数值 (NaN)</translation>
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
        <source>{0}: magnitude |x|, log scale</source>
        <translation>{0}：大小 |x|，对数刻度</translation>
    </message>
    <message>
        <source>{0} (same as {1})</source>
        <translation>{0}（与 {1} 相同）</translation>
    </message>
    <message>
        <source>{0} (same as {1}: thin line on top)</source>
        <translation>{0}（与 {1} 相同：细线画在上层）</translation>
    </message>
    <message>
        <source>{0} (close to {1}: thin line on top)</source>
        <translation>{0}（接近 {1}：细线画在上层）</translation>
    </message>
    <message>
        <source>runs the same as one another: drawn as one thin line on top</source>
        <translation>彼此相同的运行：合画成上层的一条细线</translation>
    </message>
    <message>
        <source>zeros n %: values exactly 0, in no bar</source>
        <translation>零值 n %：恰好为 0 的值，不在任何柱子里</translation>
    </message>
    <message>
        <source>▲ n %: a bar cut at the top, and its height</source>
        <translation>▲ n %：柱子过高，顶部被截断，数字是它的高度</translation>
    </message>
    <message>
        <source>log₁₀|x| axis: positive values above the line, negative below</source>
        <translation>log₁₀|x| 坐标轴：正值在横线上方，负值在下方</translation>
    </message>
    <message>
        <source>log₁₀|x| axis: no negative values here</source>
        <translation>log₁₀|x| 坐标轴：这里没有负值</translation>
    </message>
    <message>
        <source>ReLU units switched off (input below 0)</source>
        <translation>被关闭的 ReLU 单元（输入小于 0）</translation>
    </message>
    <message>
        <source>switched-off ReLU units pass no gradient</source>
        <translation>被关闭的 ReLU 单元不传递梯度</translation>
    </message>
    <message>
        <source>the maxout pieces not picked get no gradient</source>
        <translation>maxout 中未被选中的分段得不到梯度</translation>
    </message>
    <message>
        <source>sigmoid units at exactly 0 or 1 in float32 have slope 0</source>
        <translation>在 float32 中恰好为 0 或 1 的 sigmoid 单元斜率为 0</translation>
    </message>
    <message>
        <source>tanh units at exactly ±1 in float32 have slope 0</source>
        <translation>在 float32 中恰好为 ±1 的 tanh 单元斜率为 0</translation>
    </message>
    <message>
        <source>zeros: {0}</source>
        <translation>零值：{0}</translation>
    </message>
</context>
<context>
    <name>JacobianPane</name>
    <message>
        <source>Singular values of the input-output Jacobian at the start</source>
        <translation>初始时输入-输出雅可比矩阵的奇异值</translation>
    </message>
    <message>
        <source>rank (largest first, as a share of all)</source>
        <translation>序号（从大到小，占全部的比例）</translation>
    </message>
    <message>
        <source>singular value, log scale</source>
        <translation>奇异值，对数坐标</translation>
    </message>
    <message>
        <source>more than {0:.0f} decades: {1:.0f} % too small to tell from 0, not drawn</source>
        <translation>超过 {0:.0f} 个数量级：{1:.0f} % 小到无法与 0 区分，未画出</translation>
    </message>
    <message>
        <source>{0:.1f} decades; {1:.0f} % too small to tell from 0, not drawn</source>
        <translation>{0:.1f} 个数量级；{1:.0f} % 小到无法与 0 区分，未画出</translation>
    </message>
    <message>
        <source>{0:.1f} decades</source>
        <translation>{0:.1f} 个数量级</translation>
    </message>
    <message>
        <source>not for this network</source>
        <translation>不适用于这个网络</translation>
    </message>
    <message>
        <source>spread: decades between the 5th and 95th percentile of the singular values</source>
        <translation>分布宽度：奇异值第 5 与第 95 百分位数之间相差的数量级</translation>
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
        <source>no loss yet: it is drawn as the networks train</source>
        <translation>还没有损失：网络训练时在此绘出</translation>
    </message>
    <message>
        <source>{0}:
diverged at step {1}</source>
        <translation>{0}：
在第 {1} 步发散</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>close to {0}: thin line on top</source>
        <translation>接近 {0}：细线画在上层</translation>
    </message>
    <message>
        <source>accuracy close to {0}: thin line on top</source>
        <translation>准确率接近 {0}：细线画在上层</translation>
    </message>
    <message>
        <source>step 0</source>
        <translation>第 0 步</translation>
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
        <source>Pre-training starts with Run or Step:
here each RBM&apos;s reconstruction error,
epoch by epoch</source>
        <translation>按“运行”或“单步”开始预训练：
这里显示每个 RBM 的重构误差，
逐轮变化</translation>
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
        <source>Status</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Not enough memory for this run</source>
        <translation>内存不足，无法进行此次运行</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Histograms of each hidden layer&apos;s activations</source>
        <translation>各隐藏层激活值的直方图</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Histograms of the back-propagated gradients per layer</source>
        <translation>各层反向传播梯度的直方图</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Histograms of each layer&apos;s weights</source>
        <translation>各层权重的直方图</translation>
    </message>
    <message>
        <source>Through training</source>
        <translation>训练过程</translation>
    </message>
    <message>
        <source>Each layer&apos;s values over the training steps, as heat maps: where the values went, not only the last frame</source>
        <translation>以热图显示每层的值随训练步数的变化：看到数值的去向，而不只是最后一帧</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Standard deviation of activations and gradients against depth, with the prediction; saturated and dead units</source>
        <translation>激活值和梯度的标准差随深度的变化（附理论预测）；饱和与死亡单元</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training loss and validation accuracy</source>
        <translation>训练损失和验证准确率</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Validation accuracy and loss of every run</source>
        <translation>每个运行的验证准确率和损失</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Decision boundary over the 2-D data; each unit&apos;s incoming weights</source>
        <translation>二维数据上的决策边界；每个单元的输入权重</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Every initialization scheme sampled for one layer shape, with its formula and standard deviation</source>
        <translation>按同一层的形状抽样每一种初始化方案，并给出公式和标准差</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>A grid of experiments over two settings as a heat map, with the theory&apos;s critical line; click a cell to open it</source>
        <translation>在两个设置组成的网格上做一批实验，画成热图，并画出理论的临界线；点击格子即可打开它</translation>
    </message>
    <message>
        <source>Jacobian</source>
        <translation>雅可比</translation>
    </message>
    <message>
        <source>Singular values of each run&apos;s input-output Jacobian at the start (dynamical isometry)</source>
        <translation>每个运行在初始时输入-输出雅可比矩阵的奇异值（动力等距）</translation>
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
        <source>Lesson: experiment {0} of {1}</source>
        <translation>课程：第 {0} 个实验，共 {1} 个</translation>
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
        <source>{0}; overflow in layers {1}</source>
        <translation>{0}；第 {1} 层溢出</translation>
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
    <message>
        <source>validation loss {0}</source>
        <translation>验证损失 {0}</translation>
    </message>
    <message>
        <source>failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <source>Settings of the selected run only</source>
        <translation>只用于所选运行的设置</translation>
    </message>
    <message>
        <source>Network and training settings in which this run differs from the others (the rest of the panel applies to all)</source>
        <translation>这个运行与其他运行不同的网络和训练设置（面板其余部分对所有运行都适用）</translation>
    </message>
    <message>
        <source>This run uses the settings below, like the others.</source>
        <translation>这个运行和其他运行一样，使用下面的设置。</translation>
    </message>
    <message>
        <source>Use the setting of the whole comparison for this run</source>
        <translation>这个运行改回使用整个对比的设置</translation>
    </message>
    <message>
        <source>Give this run its own…</source>
        <translation>给这个运行单独设置……</translation>
    </message>
</context>
<context>
    <name>SchemesPane</name>
    <message>
        <source>Every scheme for one layer</source>
        <translation>同一层上的所有方案</translation>
    </message>
    <message>
        <source>inputs n_in</source>
        <translation>输入数 n_in</translation>
    </message>
    <message>
        <source>outputs n_out</source>
        <translation>输出数 n_out</translation>
    </message>
    <message>
        <source>Each scheme&apos;s weights sampled for this layer shape, with the standard deviation its formula gives (σ) and the one measured. He uses the ReLU gain, Xavier and orthogonal gain 1. LSUV and RBM pre-training depend on the data and are left out.</source>
        <translation>按这个层形状抽样的每种方案的权重，附上公式给出的标准差（σ）和实际测得的标准差。He 用 ReLU 的增益，Xavier 和正交初始化的增益为 1。LSUV 和 RBM 预训练依赖数据，这里不列出。</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Formula with these numbers</source>
        <translation>代入这些数字的公式</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>σ (formula)</source>
        <translation>σ（公式）</translation>
    </message>
    <message>
        <source>(formula)</source>
        <translation>（公式）</translation>
    </message>
    <message>
        <source>σ (measured)</source>
        <translation>σ（实测）</translation>
    </message>
    <message>
        <source>(measured)</source>
        <translation>（实测）</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Show a small histogram of each scheme&apos;s sampled weights above the table. Left out where they would be too small to read (a projector), to give the table the room.</source>
        <translation>在表格上方显示每种方案抽样权重的小直方图。在直方图小得看不清的地方（投影仪上）不显示，把空间留给表格。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings path {0} is not a file; the defaults are used and nothing is remembered</source>
        <translation>设置路径 {0} 不是文件；将使用默认设置，且不会保存任何设置</translation>
    </message>
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
        <source>Scroll the explanation down</source>
        <translation>向下滚动说明文字</translation>
    </message>
    <message>
        <source>Scroll the explanation up</source>
        <translation>向上滚动说明文字</translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>显示这张按键列表</translation>
    </message>
    <message>
        <source>Open an experiment file</source>
        <translation>打开实验文件</translation>
    </message>
    <message>
        <source>Save the experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Save the experiment under a new name</source>
        <translation>把实验另存为新文件</translation>
    </message>
    <message>
        <source>Export the pane shown (PNG, SVG or CSV)</source>
        <translation>导出当前面板（PNG、SVG 或 CSV）</translation>
    </message>
    <message>
        <source>Undo the last change of the settings, preset or file</source>
        <translation>撤销对设置、预设或文件的最近一次更改</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>重做刚才撤销的操作</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Lesson and presentation</source>
        <translation>课程与演示</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Space, R and S act everywhere except while you type in a text field; Esc in a field gives the keys back to the plots.</source>
        <translation>空格、R 和 S 随处可用，只有在文本框里打字时除外；在输入框中按 Esc 可把按键交还给图表。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
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
    <name>SweepPane</name>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>gradient: last layer / first (log10)</source>
        <translation>梯度：最后一层 / 第一层（log10）</translation>
    </message>
    <message>
        <source>activation: last layer / first (log10)</source>
        <translation>激活值：最后一层 / 第一层（log10）</translation>
    </message>
    <message>
        <source>saturated share</source>
        <translation>饱和比例</translation>
    </message>
    <message>
        <source>dead share</source>
        <translation>死亡比例</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>share of seeds diverged</source>
        <translation>发散的种子所占比例</translation>
    </message>
    <message>
        <source>Where the network learns: a grid of experiments</source>
        <translation>网络在哪里能学习：一个实验网格</translation>
    </message>
    <message>
        <source>FIELD=FROM:TO:COUNT or FIELD=A,B,C; fields: init.*, network.*, train.*, seed, sigma_w2, sigma_b2</source>
        <translation>字段=起点:终点:个数 或 字段=A,B,C；字段：init.*、network.*、train.*、seed、sigma_w2、sigma_b2</translation>
    </message>
    <message>
        <source>Training batches per cell (0: the start only)</source>
        <translation>每个格子的训练批次数（0：只看初始状态）</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>批次数</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open sweep…</source>
        <translation>打开扫描…</translation>
    </message>
    <message>
        <source>Show a sweep saved by `initviz sweep` (its CSV or JSON), finished or not</source>
        <translation>显示由 `initviz sweep` 保存的扫描（其 CSV 或 JSON），无论是否已完成</translation>
    </message>
    <message>
        <source>stop the sweep running first</source>
        <translation>请先停止正在运行的扫描</translation>
    </message>
    <message>
        <source>Open sweep</source>
        <translation>打开扫描</translation>
    </message>
    <message>
        <source>initviz sweep (*.csv *.json);;All files (*)</source>
        <translation>initviz 扫描 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not enough memory for this sweep</source>
        <translation>内存不足，无法进行此次扫描</translation>
    </message>
    <message>
        <source>The sweep stopped: {0}</source>
        <translation>扫描已停止：{0}</translation>
    </message>
    <message>
        <source>Press “Run sweep”: each cell trains one network with the values of its row and column.</source>
        <translation>请按“运行扫描”：每个格子用其所在行和列的取值训练一个网络。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>来自 {0}</translation>
    </message>
    <message>
        <source>{0} of {1} runs ({2}); colour: {3}. Click a cell to open its network.</source>
        <translation>已完成 {1} 个运行中的 {0} 个（{2}）；颜色：{3}。点击格子即可打开它的网络。</translation>
    </message>
    <message>
        <source>{0} from {1:g} to {2:g} ({3} values)</source>
        <translation>{0} 从 {1:g} 到 {2:g}（{3} 个取值）</translation>
    </message>
    <message>
        <source>{0} networks, one a cell</source>
        <translation>{0} 个网络，每个格子一个</translation>
    </message>
    <message>
        <source>{0} networks, {1} seeds a cell</source>
        <translation>{0} 个网络，每个格子 {1} 个种子</translation>
    </message>
    <message>
        <source>Press “Run sweep” to train {0}, {1} batches each: {2}.</source>
        <translation>请按“运行扫描”训练 {0}，每个训练 {1} 个批次：{2}。</translation>
    </message>
    <message>
        <source>red line: the critical σ_w², 2/(1 + a²)</source>
        <translation>红线：临界 σ_w²，2/(1 + a²)</translation>
    </message>
    <message>
        <source>red line: the critical σ_w² (χ₁ = 1)</source>
        <translation>红线：临界 σ_w²（χ₁ = 1）</translation>
    </message>
    <message>
        <source> · white dashed curves: depth = {0:g} ξ_c, how deep mean-field theory says a network still trains, given long training (a short sweep&apos;s networks learn less deep)</source>
        <translation> · 白色虚线：深度 = {0:g} ξ_c，即平均场理论认为网络在充分训练后仍能训练的深度（短时间扫描中的网络学不到这么深）</translation>
    </message>
    <message>
        <source> · ×: diverged</source>
        <translation> · ×：发散</translation>
    </message>
    <message>
        <source>computing the theory&apos;s lines (red line, dashed curves) …</source>
        <translation>正在计算理论曲线（红线、虚线）…</translation>
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
    <name>ViewButton</name>
    <message>
        <source>View ▾</source>
        <translation>视图 ▾</translation>
    </message>
    <message>
        <source>The pane&apos;s view options (the window is too narrow to show them beside the title)</source>
        <translation>本页的显示选项（窗口太窄，无法在标题旁显示它们）</translation>
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
    <name>app</name>
    <message>
        <source>See what weight initialization does to every layer of a neural network. `initviz run|list|schemes --help` shows the commands that need no window.</source>
        <translation>看看权重初始化对神经网络每一层的影响。`initviz run|list|schemes --help` 列出不需要窗口的命令。</translation>
    </message>
    <message>
        <source>open with this preset loaded and running</source>
        <translation>启动时载入并运行这个预设实验</translation>
    </message>
    <message>
        <source>save the window as PNG when the run has finished (after 3 minutes at the latest), then exit</source>
        <translation>运行结束后（最迟 3 分钟后）把窗口保存为 PNG，然后退出</translation>
    </message>
    <message>
        <source>window size</source>
        <translation>窗口大小</translation>
    </message>
    <message>
        <source>open on this tab: {0}</source>
        <translation>启动时打开这个标签页：{0}</translation>
    </message>
    <message>
        <source>start in presentation mode (full screen, large type)</source>
        <translation>以演示模式启动（全屏、大字）</translation>
    </message>
    <message>
        <source>language of the interface (default: the last one chosen, else the system&apos;s)</source>
        <translation>界面语言（默认：上次选择的语言，否则用系统语言）</translation>
    </message>
    <message>
        <source>an experiment or config file (.json) to open and run, as a double-click on it does</source>
        <translation>要打开并运行的实验或配置文件（.json），与双击该文件的效果相同</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示这段帮助并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>not a whole number of at most {0} digits: {1}</source>
        <translation>不是最多 {0} 位的整数：{1}</translation>
    </message>
    <message>
        <source>initviz headless commands: run experiments and list presets without a window</source>
        <translation>initviz 的无窗口命令：不打开窗口就能运行实验、列出预设</translation>
    </message>
    <message>
        <source>language of the messages (en, zh_CN; default: the system&apos;s)</source>
        <translation>输出信息的语言（en、zh_CN；默认：系统语言）</translation>
    </message>
    <message>
        <source>run a preset or a config file without a window</source>
        <translation>不打开窗口，运行一个预设实验或配置文件</translation>
    </message>
    <message>
        <source>a preset key (see `initviz list`) or a CONFIG.json file</source>
        <translation>预设实验的键名（见 `initviz list`）或 CONFIG.json 文件</translation>
    </message>
    <message>
        <source>write the result as JSON to OUT (&apos;-&apos;: stdout)</source>
        <translation>把结果以 JSON 写入 OUT（&apos;-&apos; 表示标准输出）</translation>
    </message>
    <message>
        <source>override the seed</source>
        <translation>改用这个随机种子</translation>
    </message>
    <message>
        <source>override the number of training batches</source>
        <translation>改用这个训练批次数</translation>
    </message>
    <message>
        <source>also write each layer&apos;s histograms of log10|x| (signs apart)</source>
        <translation>同时输出每层 log10|x| 的直方图（正负分开）</translation>
    </message>
    <message>
        <source>also write each layer&apos;s histograms at every validation step, as heat maps</source>
        <translation>同时输出每次验证时每层的直方图（热图）</translation>
    </message>
    <message>
        <source>no progress on stderr</source>
        <translation>不在 stderr 上显示进度</translation>
    </message>
    <message>
        <source>list the presets: key and title</source>
        <translation>列出预设实验：键名和标题</translation>
    </message>
    <message>
        <source>list the initialization schemes: name and formula</source>
        <translation>列出初始化方案：名称和公式</translation>
    </message>
    <message>
        <source>run a grid of experiments over config fields (CSV and JSON out)</source>
        <translation>在配置字段组成的网格上运行一批实验（输出 CSV 和 JSON）</translation>
    </message>
    <message>
        <source>a preset key or a CONFIG.json file; its first run is the network swept</source>
        <translation>预设实验的键名或 CONFIG.json 文件；扫描的是其中第一个运行的网络</translation>
    </message>
    <message>
        <source>a swept field: FIELD=FROM:TO:COUNT or FIELD=A,B,C (repeat for more axes; fields: init.*, network.*, train.*, data.*, seed, sigma_w2, sigma_b2)</source>
        <translation>要扫描的字段：字段=起点:终点:个数 或 字段=A,B,C（多个扫描轴就重复此选项；字段：init.*、network.*、train.*、data.*、seed、sigma_w2、sigma_b2）</translation>
    </message>
    <message>
        <source>seeds per cell (default 1)</source>
        <translation>每个格子的随机种子数（默认 1）</translation>
    </message>
    <message>
        <source>override the number of training batches (0: probe only)</source>
        <translation>改写训练批次数（0：只测量初始状态）</translation>
    </message>
    <message>
        <source>CSV of one row per run; rerun with the same file to continue</source>
        <translation>每个运行一行的 CSV 文件；用同一个文件再次运行即可从中断处继续</translation>
    </message>
    <message>
        <source>also write the rows and per-cell means as JSON to OUT (&apos;-&apos;: stdout)</source>
        <translation>同时把各行结果和每个格子的平均值以 JSON 写入 OUT（&apos;-&apos;：标准输出）</translation>
    </message>
    <message>
        <source>worker processes (default: one per core; 0: in this process)</source>
        <translation>工作进程数（默认：每个 CPU 核一个；0：在本进程中运行）</translation>
    </message>
    <message>
        <source>run the cells on the Dask cluster at ADDRESS (needs initviz[dask])</source>
        <translation>在位于 ADDRESS 的 Dask 集群上运行各个格子（需要 initviz[dask]）</translation>
    </message>
    <message>
        <source>train the runs in N processes (default: one per core for big comparisons)</source>
        <translation>用 N 个进程训练各次运行（默认：较大的对比每个 CPU 核心一个进程）</translation>
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
    <message>
        <source>biases drawn from N(bias, bias_std²) (σ_b of mean-field theory; 0: all equal)</source>
        <translation>偏置从 N(bias, bias_std²) 中抽取（即平均场理论中的 σ_b；0：所有偏置相同）</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>{0:,} samples of {1} standard-normal features</source>
        <translation>{0:,} 个样本，每个有 {1} 个标准正态特征</translation>
    </message>
    <message>
        <source>two-class flower, {0} points</source>
        <translation>两类花瓣数据，{0} 个点</translation>
    </message>
    <message>
        <source>bundled MNIST test set: {0:,} training / {1:,} validation images</source>
        <translation>内置的 MNIST 测试集：{0:,} 张训练图像 / {1:,} 张验证图像</translation>
    </message>
    <message>
        <source>MNIST: {0:,} training / {1:,} validation images (from the {2:,}-image training set)</source>
        <translation>MNIST：{0:,} 张训练图像 / {1:,} 张验证图像（取自 {2:,} 张图像的训练集）</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{0}: no such preset or file; `initviz list` shows the presets</source>
        <translation>{0}：没有这个预设实验或文件；`initviz list` 列出所有预设实验</translation>
    </message>
    <message>
        <source>out of memory; lower network.width, network.depth, train.batch_size or data.samples</source>
        <translation>内存不足；请调低 network.width、network.depth、train.batch_size 或 data.samples</translation>
    </message>
    <message>
        <source>{0}: must be {1} from {2:g} to {3:g}, not {4}</source>
        <translation>{0}：必须是 {2:g} 到 {3:g} 之间的{1}，而不是 {4}</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>{0}: must be one of {1}; not {2}</source>
        <translation>{0}：必须是 {1} 之一，而不是 {2}</translation>
    </message>
    <message>
        <source>{0}: must be true or false, not {1}</source>
        <translation>{0}：必须是 true 或 false，而不是 {1}</translation>
    </message>
    <message>
        <source>{0}: must be an object, not {1}</source>
        <translation>{0}：必须是一个对象（{{…}}），而不是 {1}</translation>
    </message>
    <message>
        <source>{0}: unknown key; allowed keys: {1}</source>
        <translation>{0}：未知的键；允许的键有：{1}</translation>
    </message>
    <message>
        <source>init.low: must be below init.high ({0:g}), not {1:g}</source>
        <translation>init.low：必须小于 init.high（{0:g}），而不是 {1:g}</translation>
    </message>
    <message>
        <source>{0}: must be a list of at most 100 whole numbers from 1 to 2048, not {1}</source>
        <translation>{0}：必须是最多 100 个、每个在 1 到 2048 之间的整数列表，而不是 {1}</translation>
    </message>
    <message>
        <source>{0}: must be text, not {1}</source>
        <translation>{0}：必须是文字，而不是 {1}</translation>
    </message>
    <message>
        <source>{0}: a label of {1:,} characters; at most {2} are allowed</source>
        <translation>{0}：标签有 {1:,} 个字符；最多允许 {2} 个</translation>
    </message>
    <message>
        <source>runs: must be a list of 1 to {0} runs, not {1}</source>
        <translation>runs：必须是 1 到 {0} 个运行的列表，而不是 {1}</translation>
    </message>
    <message>
        <source>runs[]: each run must be an object, not {0}</source>
        <translation>runs[]：每个运行都必须是一个对象，而不是 {0}</translation>
    </message>
    <message>
        <source>schema: expected {0}, found {1} (a file from another program or a newer initviz?)</source>
        <translation>schema：应为 {0}，实际为 {1}（这是别的程序的文件，还是更新版本的 initviz 保存的？）</translation>
    </message>
    <message>
        <source>{0} is not valid JSON ({1} at line {2})</source>
        <translation>{0} 不是有效的 JSON（第 {2} 行：{1}）</translation>
    </message>
    <message>
        <source>{0} is not an initviz experiment file (no schema)</source>
        <translation>{0} 不是 initviz 实验文件（没有 schema）</translation>
    </message>
    <message>
        <source>{0} is not an initviz experiment file (its schema is {1})</source>
        <translation>{0} 不是 initviz 实验文件（它的 schema 是 {1}）</translation>
    </message>
    <message>
        <source>{0} has an unreadable schema version {1}</source>
        <translation>{0} 的 schema 版本 {1} 无法识别</translation>
    </message>
    <message>
        <source>{0} was saved by a newer initviz (format version {1}); this version reads format {2}. Please update initviz.</source>
        <translation>{0} 是由更新版本的 initviz 保存的（格式版本 {1}）；当前版本只能读取格式 {2}。请更新 initviz。</translation>
    </message>
    <message>
        <source>{0} is not a text file</source>
        <translation>{0} 不是文本文件</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} inflates to more than {1:,} bytes; not read</source>
        <translation>{0} 解压后超过 {1:,} 字节；未读取</translation>
    </message>
    <message>
        <source>{0} is a corrupt or incomplete gzip file ({1})</source>
        <translation>{0} 是损坏或不完整的 gzip 文件（{1}）</translation>
    </message>
    <message>
        <source>{0} is not an IDX file: only {1} bytes long</source>
        <translation>{0} 不是 IDX 文件：只有 {1} 个字节</translation>
    </message>
    <message>
        <source>{0} is not an IDX file (bad magic number 0x{1})</source>
        <translation>{0} 不是 IDX 文件（文件头标识 0x{1} 不对）</translation>
    </message>
    <message>
        <source>{0} holds IDX type 0x{1:02X} ({2}); only unsigned bytes (0x08) are supported</source>
        <translation>{0} 的 IDX 类型是 0x{1:02X}（{2}）；只支持无符号字节（0x08）</translation>
    </message>
    <message>
        <source>{0} declares {1} dimensions; expected 1 to 4</source>
        <translation>{0} 声明了 {1} 个维度；应为 1 到 4 个</translation>
    </message>
    <message>
        <source>{0} is truncated: its header needs {1} bytes, found {2}</source>
        <translation>{0} 不完整：文件头需要 {1} 个字节，实际只有 {2} 个</translation>
    </message>
    <message>
        <source>{0} declares {1} items of data ({2}); at most {3:,} are read</source>
        <translation>{0} 声明了 {1} 个数据项（{2}）；最多读取 {3:,} 个</translation>
    </message>
    <message>
        <source>{0} is truncated: expected {1:,} bytes of data, found {2:,}</source>
        <translation>{0} 不完整：应有 {1:,} 个字节的数据，实际只有 {2:,} 个</translation>
    </message>
    <message>
        <source>{0} has {1:,} unexpected bytes after its {2:,} bytes of data</source>
        <translation>{0} 在 {2:,} 个字节的数据之后还多出 {1:,} 个字节</translation>
    </message>
    <message>
        <source>{0} does not hold 28x28 images (shape {1})</source>
        <translation>{0} 里不是 28x28 的图像（形状为 {1}）</translation>
    </message>
    <message>
        <source>{0} does not hold a list of labels (shape {1})</source>
        <translation>{0} 里不是标签列表（形状为 {1}）</translation>
    </message>
    <message>
        <source>{0} has {1:,} images but {2} has {3:,} labels</source>
        <translation>{0} 有 {1:,} 张图像，但 {2} 有 {3:,} 个标签</translation>
    </message>
    <message>
        <source>{0} contains label {1}; MNIST labels must be 0 to 9</source>
        <translation>{0} 里有标签 {1}；MNIST 的标签只能是 0 到 9</translation>
    </message>
    <message>
        <source>bundled MNIST file missing: {0}</source>
        <translation>缺少内置的 MNIST 文件：{0}</translation>
    </message>
    <message>
        <source>bundled file {0} is damaged (checksum mismatch); please reinstall initviz</source>
        <translation>内置文件 {0} 已损坏（校验和不符）；请重新安装 initviz</translation>
    </message>
    <message>
        <source>could not download {0}: the server redirects to {1}, which is not one of the download locations</source>
        <translation>无法下载 {0}：服务器重定向到 {1}，它不是下载位置之一</translation>
    </message>
    <message>
        <source>download of {0} refused: {1:,} bytes, more than the expected {2:,}</source>
        <translation>拒绝下载 {0}：{1:,} 字节，超过预期的 {2:,}</translation>
    </message>
    <message>
        <source>cannot download {0}: unsupported URL {1}</source>
        <translation>无法下载 {0}：不支持的网址 {1}</translation>
    </message>
    <message>
        <source>cannot write to the cache folder {0}: {1}</source>
        <translation>无法写入缓存文件夹 {0}：{1}</translation>
    </message>
    <message>
        <source>download of {0} was cut short: got {1:,} of {2:,} bytes</source>
        <translation>{0} 下载中断：只收到 {2:,} 个字节中的 {1:,} 个</translation>
    </message>
    <message>
        <source>downloaded {0} is corrupt (checksum mismatch) from {1}</source>
        <translation>从 {1} 下载的 {0} 已损坏（校验和不符）</translation>
    </message>
    <message>
        <source>could not download {0} from {1}: too many redirects</source>
        <translation>无法从 {1} 下载 {0}：重定向次数过多</translation>
    </message>
    <message>
        <source>could not download {0}: HTTP {1} {2} from {3}</source>
        <translation>无法下载 {0}：{3} 返回 HTTP {1} {2}</translation>
    </message>
    <message>
        <source>could not download {0} from {1}: {2}</source>
        <translation>无法从 {1} 下载 {0}：{2}</translation>
    </message>
    <message>
        <source>download of {0} was cut short (connection closed early)</source>
        <translation>{0} 下载中断（连接提前关闭）</translation>
    </message>
    <message>
        <source>no download location configured for MNIST</source>
        <translation>没有设置 MNIST 的下载地址</translation>
    </message>
    <message>
        <source>cannot create the cache folder {0}: {1}</source>
        <translation>无法创建缓存文件夹 {0}：{1}</translation>
    </message>
    <message>
        <source>the full MNIST set is not downloaded (looked in {0})</source>
        <translation>完整的 MNIST 数据集还没有下载（查找位置：{0}）</translation>
    </message>
    <message>
        <source>the MNIST training file has only {0:,} images</source>
        <translation>MNIST 训练文件只有 {0:,} 张图像</translation>
    </message>
    <message>
        <source>this run needs about {0} of memory and this machine has {1}; lower {2}</source>
        <translation>此次运行约需 {0} 内存，而本机只有 {1}；请调低 {2}</translation>
    </message>
    <message>
        <source>this run will take about {0} minutes (about {1} of memory); lower train.steps or {2} to make it shorter</source>
        <translation>此次运行约需 {0} 分钟（约 {1} 内存）；调低 train.steps 或 {2} 可缩短时间</translation>
    </message>
    <message>
        <source>{0} is a folder, not a file</source>
        <translation>{0} 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>{0} is not a regular file (a device, pipe or socket); not read</source>
        <translation>{0} 不是普通文件（而是设备、管道或套接字）；未读取</translation>
    </message>
    <message>
        <source>{0} is {1:,} bytes; files of more than {2:,} bytes are not read</source>
        <translation>{0} 有 {1:,} 字节；超过 {2:,} 字节的文件不予读取</translation>
    </message>
    <message>
        <source>a whole number of {0:,} digits; numbers of more than {1} digits are not read</source>
        <translation>一个 {0:,} 位的整数；超过 {1} 位的数字不予读取</translation>
    </message>
    <message>
        <source>a number written with {0:,} characters; at most {1} are read</source>
        <translation>一个用 {0:,} 个字符写成的数字；最多读取 {1} 个字符</translation>
    </message>
    <message>
        <source>a text of {0:,} characters; at most {1:,} are read</source>
        <translation>一段 {0:,} 个字符的文本；最多读取 {1:,} 个</translation>
    </message>
    <message>
        <source>the document nests deeper than {0} levels</source>
        <translation>文档嵌套超过 {0} 层</translation>
    </message>
    <message>
        <source>{0}: a list of {1:,} items; at most {2:,} are read</source>
        <translation>{0}：列表有 {1:,} 项；最多读取 {2:,} 项</translation>
    </message>
    <message>
        <source>{0}: an object of {1:,} keys; at most {2:,} are read</source>
        <translation>{0}：对象有 {1:,} 个键；最多读取 {2:,} 个</translation>
    </message>
    <message>
        <source>{0}: a text of {1:,} characters; at most {2:,} are read</source>
        <translation>{0}：文本有 {1:,} 个字符；最多读取 {2:,} 个</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Qt could not encode the PNG image</source>
        <translation>Qt 无法编码这张 PNG 图片</translation>
    </message>
    <message>
        <source>{0}: an axis is FIELD=FROM:TO:COUNT or FIELD=A,B,C, e.g. network.depth=2:40:10 or sigma_w2=1,2,4</source>
        <translation>{0}：扫描轴的写法是 字段=起点:终点:个数 或 字段=A,B,C，例如 network.depth=2:40:10 或 sigma_w2=1,2,4</translation>
    </message>
    <message>
        <source>{0}: not a config field to sweep; use init.*, network.*, train.*, data.*, seed, sigma_w2 or sigma_b2</source>
        <translation>{0}：不是可以扫描的配置字段；请用 init.*、network.*、train.*、data.*、seed、sigma_w2 或 sigma_b2</translation>
    </message>
    <message>
        <source>{0}: the grid has {1} cells; at most {2}</source>
        <translation>{0}：网格共有 {1} 个格子；最多只能有 {2} 个</translation>
    </message>
    <message>
        <source>{0}: needs a scheme whose gain sets σ_w² ({1}), not {2}</source>
        <translation>{0}：需要一种由增益决定 σ_w² 的初始化方法（{1}），而不是 {2}</translation>
    </message>
    <message>
        <source>--scheduler needs Dask: pip install &apos;initviz[dask]&apos;</source>
        <translation>--scheduler 需要 Dask：pip install &apos;initviz[dask]&apos;</translation>
    </message>
    <message>
        <source>cannot reach the Dask scheduler at {0}: {1}</source>
        <translation>无法连接位于 {0} 的 Dask 调度器：{1}</translation>
    </message>
    <message>
        <source>{0}: holds a different sweep (other config, axes or seeds); give another output file or delete it</source>
        <translation>{0}：里面是另一次扫描（配置、扫描轴或种子不同）；请换一个输出文件，或删除这个文件</translation>
    </message>
    <message>
        <source>{0}: not an initviz sweep file</source>
        <translation>{0}：不是 initviz 的扫描文件</translation>
    </message>
    <message>
        <source>--seeds must be at least 1 and --workers at least 0</source>
        <translation>--seeds 至少为 1，--workers 至少为 0</translation>
    </message>
    <message>
        <source>the largest cell of this sweep ({0}) needs about {1} of memory, {2} at a time, and this machine has {3}; lower {4}</source>
        <translation>此次扫描最大的格子（{0}）约需 {1} 内存，同时运行 {2} 个，而本机只有 {3}；请调低 {4}</translation>
    </message>
    <message>
        <source>this sweep will take about {0} minutes ({1} runs on {2} workers); lower train.steps, {3} or the number of values to make it shorter</source>
        <translation>此次扫描约需 {0} 分钟（{1} 次运行，{2} 个工作进程）；调低 train.steps、{3} 或取值个数可缩短时间</translation>
    </message>
    <message>
        <source>--workers must be 1 or more</source>
        <translation>--workers 必须至少为 1</translation>
    </message>
    <message>
        <source>its worker process ended unexpectedly (killed, or out of memory?)</source>
        <translation>其工作进程意外结束（被终止，或内存不足？）</translation>
    </message>
</context>
<context>
    <name>gallery</name>
    <message>
        <source>zeros</source>
        <translation>全 0</translation>
    </message>
    <message>
        <source>ones</source>
        <translation>全 1</translation>
    </message>
    <message>
        <source>constant 0.5</source>
        <translation>常数 0.5</translation>
    </message>
    <message>
        <source>U[−1, 1)</source>
        <translation>U[−1, 1)</translation>
    </message>
    <message>
        <source>N(0, 1)</source>
        <translation>N(0, 1)</translation>
    </message>
    <message>
        <source>truncated N(0, 1)</source>
        <translation>截断 N(0, 1)</translation>
    </message>
    <message>
        <source>1/√n rule</source>
        <translation>1/√n 规则</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <source>Xavier uniform ×4</source>
        <translation>Xavier 均匀 ×4</translation>
    </message>
    <message>
        <source>Xavier normal ×4</source>
        <translation>Xavier 正态 ×4</translation>
    </message>
    <message>
        <source>He uniform</source>
        <translation>He 均匀</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>LeCun uniform</source>
        <translation>LeCun 均匀</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>constant {0}</source>
        <translation>常数 {0}</translation>
    </message>
    <message>
        <source>truncated N({0}, {1})</source>
        <translation>截断 N({0}, {1})</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>N(0, 1)</source>
        <translation>N(0, 1)</translation>
    </message>
    <message>
        <source>N(0, 0.01)</source>
        <translation>N(0, 0.01)</translation>
    </message>
    <message>
        <source>Xavier N(0, 1/√n)</source>
        <translation>Xavier N(0, 1/√n)</translation>
    </message>
    <message>
        <source>He N(0, √(2/n))</source>
        <translation>He N(0, √(2/n))</translation>
    </message>
    <message>
        <source>sigmoid, Xavier uniform</source>
        <translation>sigmoid，Xavier 均匀</translation>
    </message>
    <message>
        <source>sigmoid, Xavier uniform ×4</source>
        <translation>sigmoid，Xavier 均匀 ×4</translation>
    </message>
    <message>
        <source>tanh, Xavier uniform</source>
        <translation>tanh，Xavier 均匀</translation>
    </message>
    <message>
        <source>sigmoid, Xavier normal</source>
        <translation>sigmoid，Xavier 正态</translation>
    </message>
    <message>
        <source>sigmoid, Xavier normal ×4</source>
        <translation>sigmoid，Xavier 正态 ×4</translation>
    </message>
    <message>
        <source>tanh, Xavier normal</source>
        <translation>tanh，Xavier 正态</translation>
    </message>
    <message>
        <source>all weights 0</source>
        <translation>权重全为 0</translation>
    </message>
    <message>
        <source>all weights 1</source>
        <translation>权重全为 1</translation>
    </message>
    <message>
        <source>U[0, 1)</source>
        <translation>U[0, 1)</translation>
    </message>
    <message>
        <source>standard U[−1/√n, 1/√n)</source>
        <translation>标准 U[−1/√n, 1/√n)</translation>
    </message>
    <message>
        <source>normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))</source>
        <translation>归一化（Xavier）U[−a, a)，a = √(6/(n_in+n_out))</translation>
    </message>
    <message>
        <source>U[−1, 1)</source>
        <translation>U[−1, 1)</translation>
    </message>
    <message>
        <source>U[−0.1, 0.1)</source>
        <translation>U[−0.1, 0.1)</translation>
    </message>
    <message>
        <source>U[−0.01, 0.01)</source>
        <translation>U[−0.01, 0.01)</translation>
    </message>
    <message>
        <source>U[−0.001, 0.001)</source>
        <translation>U[−0.001, 0.001)</translation>
    </message>
    <message>
        <source>U[−1/√n, 1/√n) (general rule)</source>
        <translation>U[−1/√n, 1/√n)（通用规则）</translation>
    </message>
    <message>
        <source>N(0, 0.1)</source>
        <translation>N(0, 0.1)</translation>
    </message>
    <message>
        <source>truncated N(0, 0.1), 2σ cut</source>
        <translation>截断 N(0, 0.1)，2σ 处截断</translation>
    </message>
    <message>
        <source>all 0</source>
        <translation>全 0</translation>
    </message>
    <message>
        <source>all 0.5</source>
        <translation>全 0.5</translation>
    </message>
    <message>
        <source>RBM pre-trained (CD-1)</source>
        <translation>RBM 预训练（CD-1）</translation>
    </message>
    <message>
        <source>no remedy</source>
        <translation>不加补救</translation>
    </message>
    <message>
        <source>clip gradient norm at 1</source>
        <translation>梯度范数裁剪到 1</translation>
    </message>
    <message>
        <source>learning rate ÷ 10</source>
        <translation>学习率 ÷ 10</translation>
    </message>
    <message>
        <source>L2 weight decay 0.01</source>
        <translation>L2 权重衰减 0.01</translation>
    </message>
    <message>
        <source>N(0, 1) + batch norm</source>
        <translation>N(0, 1) + 批归一化</translation>
    </message>
    <message>
        <source>N(0, 0.01) + batch norm</source>
        <translation>N(0, 0.01) + 批归一化</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>普通网络</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差网络</translation>
    </message>
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
        <source>maxout (2 pieces)</source>
        <translation>maxout（2 段）</translation>
    </message>
    <message>
        <source>U[−3, 3)</source>
        <translation>U[−3, 3)</translation>
    </message>
    <message>
        <source>truncated N(0, 1), 2σ cut</source>
        <translation>截断 N(0, 1)，2σ 处截断</translation>
    </message>
    <message>
        <source>ordered σ_w² = 1.2</source>
        <translation>有序相 σ_w² = 1.2</translation>
    </message>
    <message>
        <source>critical σ_w² = 1.76</source>
        <translation>临界 σ_w² = 1.76</translation>
    </message>
    <message>
        <source>chaotic σ_w² = 3</source>
        <translation>混沌相 σ_w² = 3</translation>
    </message>
    <message>
        <source>σ_w² = 1.6</source>
        <translation>σ_w² = 1.6</translation>
    </message>
    <message>
        <source>σ_w² = 2 (He)</source>
        <translation>σ_w² = 2（He）</translation>
    </message>
    <message>
        <source>σ_w² = 2.5</source>
        <translation>σ_w² = 2.5</translation>
    </message>
    <message>
        <source>width 32</source>
        <translation>宽度 32</translation>
    </message>
    <message>
        <source>width 128</source>
        <translation>宽度 128</translation>
    </message>
    <message>
        <source>width 512</source>
        <translation>宽度 512</translation>
    </message>
    <message>
        <source>Gaussian σ_w² = 1</source>
        <translation>高斯 σ_w² = 1</translation>
    </message>
    <message>
        <source>orthogonal σ_w² = 1</source>
        <translation>正交 σ_w² = 1</translation>
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
        <source>What happens to a sigmoid network when every weight is drawn from N(0, 1)?</source>
        <translation>如果每个权重都从 N(0, 1) 中抽取，sigmoid 网络会怎样？</translation>
    </message>
    <message>
        <source>What happens if the weights are tiny instead, drawn from N(0, 0.01)?</source>
        <translation>反过来，如果权重非常小，从 N(0, 0.01) 中抽取，又会怎样？</translation>
    </message>
    <message>
        <source>In Activations, every layer stays away from 0 and 1 (Depth: almost no saturation); the spread drops from about 0.21 at layer 1 to 0.11–0.14 from layer 2 on. From layer 3 on the histogram breaks into narrow clumps, each a single unit with an offset of its own (the sigmoid&apos;s outputs are all positive). The catch, in Depth&apos;s gradient plot: it still shrinks about 4-fold per layer toward the input.</source>
        <translation>在“激活值”中，每一层都远离 0 和 1（“深度”中几乎没有饱和）；标准差从第 1 层的约 0.21 降到第 2 层起的 0.11–0.14。从第 3 层起，直方图碎成一簇簇窄峰，每一簇是一个有自己偏移的单元（sigmoid 的输出全为正）。美中不足见“深度”的梯度图：越往输入层，梯度每层仍缩小约 4 倍。</translation>
    </message>
    <message>
        <source>Which start keeps the signal alive through five ReLU layers: N(0, 0.01), Xavier&apos;s 1/√n or He&apos;s √(2/n)?</source>
        <translation>N(0, 0.01)、Xavier 的 1/√n 和 He 的 √(2/n)，哪一种能让信号在五层 ReLU 中一直传下去？</translation>
    </message>
    <message>
        <source>ReLU sets about half of its inputs to zero, so each layer halves the variance of the signal. Xavier&apos;s 1/√n does not make up for this, while He&apos;s √(2/n) doubles the variance to compensate, so the signal keeps its size from the first layer to the last.</source>
        <translation>ReLU 会把大约一半的输入变成 0，所以每经过一层，信号的方差就减半。Xavier 的 1/√n 弥补不了这一点，而 He 的 √(2/n) 把方差加倍来补偿，信号从第一层到最后一层都保持原来的大小。</translation>
    </message>
    <message>
        <source>Does tanh, which is centred at zero, suffer from the same problems as the sigmoid when the weights have the wrong scale?</source>
        <translation>tanh 以 0 为中心，权重尺度不对时，它会不会遇到和 sigmoid 一样的问题？</translation>
    </message>
    <message>
        <source>In Activations (log₁₀|x| axis), N(0, 1) is a spike at |x| ≈ 1, N(0, 0.01) slides one decade left per layer, and Xavier stays within a decade below 1 (std 0.63 at layer 1, 0.32 at layer 5). In Depth, 80 % of N(0, 1)&apos;s values are saturated, yet its gradients are the largest, growing about twofold per layer on the way back.</source>
        <translation>在“激活值”中（log₁₀|x| 坐标轴），N(0, 1) 是 |x| ≈ 1 处的一根尖峰，N(0, 0.01) 每层向左移动一个数量级，而 Xavier 停留在 1 以下一个数量级之内（第 1 层标准差 0.63，第 5 层 0.32）。在“深度”中，N(0, 1) 80 % 的值已饱和，但它的梯度却是最大的，往回传时每层约增大一倍。</translation>
    </message>
    <message>
        <source>Five tanh layers read MNIST images: does the popular rule U[−1/√n, 1/√n) keep the signal alive through them before any training?</source>
        <translation>五层 tanh 网络读入 MNIST 图片：在训练之前，常用的 U[−1/√n, 1/√n) 规则能让信号穿过各层而不衰减吗？</translation>
    </message>
    <message>
        <source>With the same two starts, how large is the gradient that reaches each layer on its way back from the loss?</source>
        <translation>同样这两种初始化下，从损失往回传、到达每一层的梯度有多大？</translation>
    </message>
    <message>
        <source>Xavier&apos;s rule assumes an activation whose slope at 0 is 1, as tanh&apos;s is, so what must change for the logistic sigmoid, whose slope at 0 is only 1/4?</source>
        <translation>Xavier 规则假设激活函数在 0 处的斜率为 1（tanh 正是如此），那么对于在 0 处斜率只有 1/4 的 logistic sigmoid，需要做什么改变？</translation>
    </message>
    <message>
        <source>With a slope of only 1/4, every layer shrinks the gradient, so the logistic form of Xavier multiplies the range by 4 to make up for it. This works for the uniform and the normal form alike, and brings the sigmoid&apos;s gradients much closer to those of tanh.</source>
        <translation>斜率只有 1/4 时，每一层都会把梯度缩小，所以 Xavier 的 logistic 形式把范围乘以 4 来弥补。这对均匀形式和正态形式同样适用，使 sigmoid 的梯度与 tanh 的接近得多。</translation>
    </message>
    <message>
        <source>What happens if every weight starts with the same value, all 0 or all 1?</source>
        <translation>如果所有权重都从同一个值开始，全是 0 或全是 1，会怎样？</translation>
    </message>
    <message>
        <source>What happens if we draw every weight uniformly between 0 and 1?</source>
        <translation>如果每个权重都在 0 到 1 之间均匀抽取，会怎样？</translation>
    </message>
    <message>
        <source>All the weights are positive, so each unit adds up hundreds of positive terms and the signal grows from layer to layer, making the outputs and the first losses huge. This is a poor baseline, and the next presets improve on it step by step.</source>
        <translation>所有权重都是正的，每个单元要把几百个正数加起来，信号一层比一层大，输出和最初的损失也就跟着变得巨大。这是一个糟糕的基线，接下来的几个预设会一步步改进它。</translation>
    </message>
    <message>
        <source>Does it help to let the weights be negative as well as positive?</source>
        <translation>让权重既可以取正值也可以取负值，会有帮助吗？</translation>
    </message>
    <message>
        <source>With the weights centred at zero, the positive and negative terms of each unit&apos;s sum partly cancel, so the signals stay much smaller than with all-positive weights. Centring the weights at zero is the first rule of a good start.</source>
        <translation>权重以零为中心时，每个单元求和中的正项和负项会部分抵消，信号比全为正的权重小得多。让权重以零为中心，是好的初始化的第一条规则。</translation>
    </message>
    <message>
        <source>Once the weights are centred, how wide should the uniform range be?</source>
        <translation>权重以零为中心之后，均匀分布的范围该取多宽？</translation>
    </message>
    <message>
        <source>±0.1 vs the general rule U[−1/√n, 1/√n)</source>
        <translation>±0.1 对比通用规则 U[−1/√n, 1/√n)</translation>
    </message>
    <message>
        <source>The Depth tab opens at the start (untick “At the start”, in the header or under View ▾, for the end): the gradient spread fades towards the input when ordered, grows when chaotic and holds level (within 3×) at the critical σ_w² = 1.76, which learns fastest (Loss). In Sweep, “Run sweep” colours the networks that learn: a band around the red χ₁ = 1 line.</source>
        <translation>“深度”页打开时显示初始状态（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看结束时的样子）：有序时梯度离输入越近越弱，混沌时越近越强，而临界值 σ_w² = 1.76 的梯度保持水平（变化不超过 3 倍），它也学得最快（“损失”）。在“扫描”页，“运行扫描”会给能学会的网络着色：它们在红色的 χ₁ = 1 线周围形成一条带。</translation>
    </message>
    <message>
        <source>Xavier&apos;s 1/√n keeps each unit&apos;s sum at a spread of order 1, the sigmoid&apos;s responsive middle range, where units differ and still have a useful slope. Layer 1 reads inputs of spread 1, but later layers read outputs near 0.5 whose mean square is only about 1/4, so their sums have half the spread.</source>
        <translation>Xavier 的 1/√n 让每个单元的加权和保持 1 量级的标准差，正好落在 sigmoid 反应灵敏的中间区域：各单元彼此不同，斜率也仍然有用。第 1 层读入的输入标准差为 1，而后面各层读入的是 0.5 附近的输出，其均方只有约 1/4，所以它们的加权和标准差只有一半。</translation>
    </message>
    <message>
        <source>In Activations (a row and y scale per run), N(0, 1) piles up at 0 and 1, N(0, 0.01) is a spike at 0.5, Xavier stays broad, from layer 3 on in clumps, each a single unit. In Depth&apos;s gradient plot, the saturated N(0, 1)&apos;s gradients are the largest, level at about 10⁻⁴; toward the input Xavier&apos;s shrink about 4-fold per layer, N(0, 0.01)&apos;s 40-fold.</source>
        <translation>在“激活值”中（每次运行一行，有自己的纵轴刻度），N(0, 1) 堆在 0 和 1 两端，N(0, 0.01) 是 0.5 处的尖峰，Xavier 保持宽阔，从第 3 层起碎成一簇簇窄峰，每一簇是一个单元。在“深度”的梯度图中，已经饱和的 N(0, 1) 梯度最大，各层都约为 10⁻⁴；朝输入方向，Xavier 的梯度每层缩小约 4 倍，N(0, 0.01) 的约 40 倍。</translation>
    </message>
    <message>
        <source>Only Xavier leaves the units both different and responsive: too large weights make them on/off switches, too small ones make them all alike. Saturation does not stop the gradient here, because the large weights multiply back what the flat sigmoid takes away; a bad scale shows first in the activations.</source>
        <translation>只有 Xavier 让各单元既彼此不同又反应灵敏：权重太大时单元变成开关，权重太小时单元全都一样。饱和在这里并没有挡住梯度，因为大权重把平坦的 sigmoid 削掉的部分又乘了回来；尺度不当首先体现在激活值上。</translation>
    </message>
    <message>
        <source>In Depth, follow the activation spread from layer to layer (log scale, prediction dashed): with N(0, 0.01) it falls about 14-fold per layer, to almost nothing, with Xavier it falls steadily by about 1/√2 per layer, and with He it stays level. The histograms in Activations show the same: the tiny start shrinks to a spike at 0, Xavier&apos;s narrows layer by layer and He&apos;s keeps its width.</source>
        <translation>在“深度”中逐层追踪激活值的标准差（对数坐标，虚线为理论预测）：N(0, 0.01) 每层缩小约 14 倍，很快几乎降到零，Xavier 每层稳定地下降约 1/√2，He 则保持水平。“激活值”中的直方图也是一样：极小的初始化缩成 0 处的尖峰，Xavier 的一层比一层窄，He 的保持宽度不变。</translation>
    </message>
    <message>
        <source>Yes: too large weights saturate tanh, and too small ones make the signal fade to 0 (not to a spike at 0.5 as with the sigmoid); Xavier&apos;s 1/√n keeps it in its responsive middle range. Saturation does not starve the gradient: weights of size 1 over 100 inputs multiply it by about 10 per layer, more than the flat ends take away.</source>
        <translation>会：权重太大时 tanh 饱和，太小时信号逐渐消失到 0（而不是像 sigmoid 那样停在 0.5 处的尖峰）；Xavier 的 1/√n 让它处于反应灵敏的中间区域。饱和并没有让梯度枯竭：100 个输入、大小为 1 的权重让梯度每层乘上约 10，比平坦两端削掉的还多。</translation>
    </message>
    <message>
        <source>In Activations, the histograms of the standard rule narrow toward 0 from layer to layer, while those of the normalized (Xavier) rule narrow only slowly. In Depth, the standard rule&apos;s activation spread falls by almost half at every layer (about 0.19 to 0.02 over five layers), the normalized one only from about 0.36 to 0.25.</source>
        <translation>在“激活值”中，标准规则的直方图一层比一层更向 0 收窄，而归一化（Xavier）规则的直方图只是慢慢变窄。在“深度”中，标准规则的激活值标准差每层下降近一半（五层内约从 0.19 降到 0.02），归一化规则的只从约 0.36 降到 0.25。</translation>
    </message>
    <message>
        <source>A draw from U[−1/√n, 1/√n) has a variance of only 1/(3n), so every layer scales the signal down. Glorot and Bengio&apos;s normalized rule widens the range to give a variance of about 1/n, which keeps the signal nearly the same size from layer to layer.</source>
        <translation>从 U[−1/√n, 1/√n) 中抽取的权重方差只有 1/(3n)，所以每一层都把信号缩小。Glorot 和 Bengio 的归一化规则把范围放宽，使方差约为 1/n，信号在各层之间就能保持大致相同的大小。</translation>
    </message>
    <message>
        <source>In Gradients and in Depth&apos;s gradient spread, go from the last layer back to the first: with the standard rule the gradient shrinks at every layer, so the first and last differ strongly. With the normalized rule it shrinks only by about a third from layer 5 to layer 1 (Depth); toward layer 1 its histograms in Gradients narrow a little, their peak rising from about 4 % to 8 %.</source>
        <translation>在“梯度”页和“深度”页的梯度标准差中，从最后一层往回看到第一层：用标准规则时，梯度每经过一层就缩小，第一层和最后一层相差很大。用归一化规则时，从第 5 层到第 1 层它只缩小约三分之一（“深度”）；越靠近第 1 层，“梯度”页中的直方图略微变窄，峰值从约 4 % 升到 8 %。</translation>
    </message>
    <message>
        <source>The backward pass multiplies by the same weights, so a variance that is too small shrinks the gradient just as it shrank the signal, and the lower layers would learn much more slowly. The normalized rule uses n_in and n_out to balance the forward and backward pass, so every layer gets a gradient of similar size.</source>
        <translation>反向传播乘的是同样的权重，所以方差太小时，梯度会像前向的信号一样被缩小，靠近输入的那几层就会学得慢得多。归一化规则同时用到 n_in 和 n_out，在前向和反向之间取得平衡，让每一层得到大小相近的梯度。</translation>
    </message>
    <message>
        <source>In Gradients, or in the gradient spread in Depth, compare &apos;sigmoid, Xavier&apos; with &apos;sigmoid, Xavier ×4&apos; and &apos;tanh, Xavier&apos;, uniform and normal: the plain sigmoid&apos;s gradient gets several times smaller at each layer on its way back to layer 1; the ×4 runs keep far more. Their weights are 4× as wide (Weights), and from layer 2 on about 5–12 % of their units saturate at 0 or 1 (Depth, right), the others&apos; none.</source>
        <translation>在“梯度”中，或在“深度”里的梯度标准差中，比较“sigmoid, Xavier”、“sigmoid, Xavier ×4”和“tanh, Xavier”，均匀形式和正态形式都看：普通 sigmoid 的梯度往回传到第 1 层的途中，每层都缩小好几倍；×4 的运行保留了多得多的梯度。它们的权重宽了 4 倍（“权重”），而从第 2 层起，它们约有 5–12 % 的单元饱和在 0 或 1（“深度”右图），其他运行一个也没有。</translation>
    </message>
    <message>
        <source>In the Loss tab both runs stay at chance accuracy, about 10 %; both losses start at ln 10 ≈ 2.3, but after one batch the all-ones loss is in the hundreds to about 10,000. In the Boundary tab, a line for each unit of the first hidden layer (its weight from one input), all the units draw one line: flat at 0 for all zeros, moving but always together for all ones.</source>
        <translation>在“损失”页，两个运行的准确率都停在随机猜测的水平，约 10 %；两者的损失都从 ln 10 ≈ 2.3 开始，但一批之后，全一那个运行的损失就在几百到约 10,000 之间。在“决策边界”页，第一隐藏层的每个单元画一条线（它来自同一个输入的权重），所有单元画出的是同一条线：全零时一直平躺在 0，全一时虽然在变，却始终一起变。</translation>
    </message>
    <message>
        <source>Units that start equal compute the same thing and receive the same gradient, so they stay copies of each other forever and the symmetry never breaks. With all zeros no gradient even reaches the hidden layers, so only the output biases learn. With all ones the outputs start equal (loss ln 10), but the hidden values are so large that one step makes the outputs, and the loss, huge.</source>
        <translation>起点相同的单元计算同样的东西、得到同样的梯度，所以它们永远是彼此的复制品，对称性始终打不破。全零时梯度根本传不到隐藏层，只有输出层的偏置在学习。全一时各个输出起初相等（损失为 ln 10），但隐藏层的值极大，走一步之后输出和损失就都变得极大。</translation>
    </message>
    <message>
        <source>In the Loss tab the loss starts in the tens of thousands and is still in the hundreds after 100 batches, and the validation accuracy climbs to a mediocre level. The Results tab shows that the validation loss stays large.</source>
        <translation>在“损失”页，损失一开始有几万，100 个批次之后仍有几百，验证准确率也只爬到一般的水平。“结果”页显示，验证损失始终很大。</translation>
    </message>
    <message>
        <source>In the Loss tab the centred U[−1, 1) start has a far smaller loss from the first batches on, and the Results tab shows it ending with a higher validation accuracy and a lower validation loss.</source>
        <translation>在“损失”页，以零为中心的 U[−1, 1) 从最初几个批次起损失就小得多；“结果”页显示它最终的验证准确率更高，验证损失也更低。</translation>
    </message>
    <message>
        <source>Too wide a range makes the outputs large and the first steps wild, while too narrow a range lets the signal fade through the layers, so the network is slow to get going. The scale of the start matters, and the sweet spot lies in between.</source>
        <translation>范围太宽，输出很大，最初几步很不稳定；范围太窄，信号在层间传递时逐渐消失，网络迟迟起不了步。初始化的尺度很重要，最佳点就在两者之间。</translation>
    </message>
    <message>
        <source>Do we have to find the right range by hand for every network?</source>
        <translation>难道每个网络都要手动试出合适的范围吗？</translation>
    </message>
    <message>
        <source>Compare the hand-picked ±0.1 with the general rule U[−1/√n, 1/√n) in the Loss tab and the Results tab: the curves and the final validation accuracies are close.</source>
        <translation>在“损失”页和“结果”页比较手选的 ±0.1 和通用规则 U[−1/√n, 1/√n)：两者的曲线和最终验证准确率都很接近。</translation>
    </message>
    <message>
        <source>The rule takes the range from the layer itself, n being the number of inputs of a unit, so units with many inputs get narrower weights. It needs no hand-picked number and adapts by itself when the layers change size.</source>
        <translation>这条规则根据层本身确定范围，n 是一个单元的输入个数，所以输入越多的单元，权重的范围越窄。它不需要手选数字，层的大小变了也会自动调整。</translation>
    </message>
    <message>
        <source>Does the shape of the weight distribution matter, or only its size?</source>
        <translation>权重分布的形状重要吗，还是只有大小重要？</translation>
    </message>
    <message>
        <source>Both are centred at zero with a spread of the same order, and that is what counts. As long as the weights are centred and of a sensible size, the exact shape of the distribution matters little.</source>
        <translation>两者都以零为中心，分布宽度也在同一个量级，这才是关键。只要权重以零为中心、大小合适，分布的具体形状影响不大。</translation>
    </message>
    <message>
        <source>Does it help to cut off the tails of the normal, so that no weight starts unusually large?</source>
        <translation>把正态分布的尾巴切掉，让任何权重在开始时都不会特别大，有帮助吗？</translation>
    </message>
    <message>
        <source>A truncated normal redraws every value beyond two standard deviations, which also makes its spread a little smaller. On a network this small the few large weights do little harm, so truncation is a cheap safeguard rather than a big win.</source>
        <translation>截断正态分布会把超出两个标准差的值重新抽取，因此它的标准差也略小一些。在这么小的网络上，少数较大的权重影响不大，所以截断只是一个低成本的保险，而不是大幅的改进。</translation>
    </message>
    <message>
        <source>How much does a good initialization gain over our naive first start?</source>
        <translation>和我们最初那个天真的起点相比，一个好的初始化能带来多大的提升？</translation>
    </message>
    <message>
        <source>Compare the naive U[0, 1) with the truncated normal of σ = 0.1 in the Loss tab and the Results tab: the truncated normal ends with a far higher validation accuracy and a much smaller loss.</source>
        <translation>在“损失”页和“结果”页比较天真的 U[0, 1) 和 σ = 0.1 的截断正态分布：截断正态最终的验证准确率高得多，损失也小得多。</translation>
    </message>
    <message>
        <source>Everything else is identical, the data, the order of the batches and the optimizer, so the whole gap comes from the initialization alone. A start centred at zero and of a sensible size is what makes the difference.</source>
        <translation>其余一切都完全相同，包括数据、批次顺序和优化器，所以整个差距都只来自初始化。一个以零为中心、大小合适的起点，正是差别所在。</translation>
    </message>
    <message>
        <source>What happens when a small network starts with every weight tiny instead of at Xavier&apos;s scale?</source>
        <translation>如果一个小网络的权重一开始都非常小，而不是按 Xavier 的尺度来取，会发生什么？</translation>
    </message>
    <message>
        <source>In Loss, the tiny start&apos;s loss stays almost flat, just below ln 2 ≈ 0.69 (a coin toss&apos;s), while Xavier&apos;s falls to about 0.3 by step 50. In Boundary, the tiny start is a faint straight split; Xavier&apos;s bends into sectors around the petals. In Activations, a quarter of Xavier&apos;s units sit at ±1: σ = 1/√2 counts the 2 inputs, not their size (std ≈ 2).</source>
        <translation>在“损失”页，极小初始化的损失几乎一动不动，停在略低于 ln 2 ≈ 0.69（抛硬币的损失）的地方，而 Xavier 的损失到第 50 步降到约 0.3。在“决策边界”页，极小初始化只是一条淡淡的直线分界；Xavier 的边界弯曲，分成围绕花瓣的几个扇区。在“激活值”页，Xavier 约四分之一的单元停在 ±1：σ = 1/√2 只考虑了 2 个输入的个数，没有考虑它们的大小（标准差 ≈ 2）。</translation>
    </message>
    <message>
        <source>With weights of 0.01 every tanh unit works in its straight middle part, so the network is a linear classifier, and 0.657 is the loss of the best straight line through the flower. Its gradients are as tiny as its weights: only after 130 to 170 steps can the tanh bend its boundary (set Batches to 500 to watch it catch up).</source>
        <translation>权重为 0.01 时，每个 tanh 单元都工作在它近乎直线的中段，整个网络就是一个线性分类器，而 0.657 正是穿过花朵的最佳直线的损失。它的梯度和权重一样微小：要到 130 至 170 步之后，tanh 才能把它的边界弯过来（把“批次数”设为 500 即可看到它追上来）。</translation>
    </message>
    <message>
        <source>Why not simply start every weight at 0, or at some other constant such as 0.5?</source>
        <translation>为什么不干脆把所有权重都设成 0，或者设成 0.5 这样的某个常数？</translation>
    </message>
    <message>
        <source>Units that start equal compute the same function, receive the same gradient and make the same update, so they stay identical forever and eight units are no better than one. Random weights break this symmetry; all zeros is even worse, because no gradient reaches the hidden layer at all.</source>
        <translation>起点相同的单元计算同一个函数、得到同样的梯度、做同样的更新，所以永远一模一样，八个单元并不比一个强。随机权重打破了这种对称性；全零更糟，因为梯度根本到不了隐藏层。</translation>
    </message>
    <message>
        <source>Xavier&apos;s start works well for tanh, so why does a deep ReLU network need a different one?</source>
        <translation>Xavier 初始化对 tanh 很好用，为什么深层 ReLU 网络却需要另一种初始化？</translation>
    </message>
    <message>
        <source>The Depth tab opens at the start (untick “At the start”, in the header or under View ▾, for the end): Xavier&apos;s activation spread falls by about 1/√2 per layer, along the dashed prediction, to almost nothing at layer 30, and its gradients fade on the way back, while He&apos;s spread holds level. In the Loss tab, Xavier&apos;s loss barely moves from ln 10 ≈ 2.3; He&apos;s falls.</source>
        <translation>“深度”页打开时显示开始时的样子（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看结束时的样子）：Xavier 的激活值标准差沿着虚线预测每层下降约 1/√2，到第 30 层几乎什么都不剩，反向传播时梯度也一路衰减；而 He 的标准差保持水平。在“损失”页，Xavier 的损失几乎停在 ln 10 ≈ 2.3 不动，He 的在下降。</translation>
    </message>
    <message>
        <source>A ReLU sets about half of its inputs to zero, which halves the variance of the signal in every layer, and Xavier&apos;s rule, worked out for activations symmetric around 0, does not make up for that. He&apos;s σ = √(2/n) doubles the variance to compensate, so the signal keeps its size through all 30 layers and the network can learn.</source>
        <translation>ReLU 会把大约一半的输入变成 0，每层都让信号的方差减半；Xavier 规则是为关于 0 对称的激活函数推导的，弥补不了这种减半。He 的 σ = √(2/n) 把方差加倍来补偿，信号在全部 30 层中都保持大小，网络也就能学习了。</translation>
    </message>
    <message>
        <source>Before good random starts were known, how did people get deep networks to train at all?</source>
        <translation>在人们找到好的随机初始化之前，深层网络到底是怎么训练起来的？</translation>
    </message>
    <message>
        <source>In the Loss tab, the pre-training plot shows each RBM&apos;s reconstruction error falling epoch by epoch. The pre-trained network&apos;s loss falls from the first batches; N(0, 0.01)&apos;s stays at ln 10 ≈ 2.3, the loss of a 1-in-10 guess; Xavier&apos;s stays there about 100 batches, then falls.</source>
        <translation>在“损失”页，预训练图显示每个 RBM 的重构误差逐轮下降。预训练网络的损失从最初几个批次起就下降；N(0, 0.01) 的停在 ln 10 ≈ 2.3，即十选一均匀猜测时的损失；Xavier 的在那里停留约 100 个批次，然后下降。</translation>
    </message>
    <message>
        <source>Each hidden layer is first trained alone, without labels, as a restricted Boltzmann machine (contrastive divergence, CD-1) that learns to reconstruct the layer below, and the stack then becomes the start for ordinary training with labels. Such a start gives usable hidden activations from the first step, where a tiny random start gives signals and gradients too weak to learn from.</source>
        <translation>每个隐藏层先单独、无标签地训练成一个受限玻尔兹曼机（对比散度 CD-1），学习重建下面那一层；然后把堆叠起来的各层作为起点，进行普通的有标签训练。这样的起点从第一步起就给出可用的隐藏层激活值，而极小的随机起点给出的信号和梯度太弱，学不起来。</translation>
    </message>
    <message>
        <source>What can we do when the gradients are so large that training blows up?</source>
        <translation>梯度大到让训练直接崩掉时，我们能做些什么？</translation>
    </message>
    <message>
        <source>The Gradients tab opens at the start (untick “At the start”, in the header or under View ▾, for the end): the gradient grows about eightfold a layer toward the input. In Loss, no remedy and L2 weight decay diverge in their first steps; only the smaller rate brings the loss down, and its accuracy stays under 50 %: a falling loss is not yet right answers.</source>
        <translation>“梯度”页打开时显示开始时的样子（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看结束时的样子）：梯度往输入方向每层约增大八倍。在“损失”页，不加补救和 L2 权重衰减的运行在最初几步内就发散；只有较小的学习率让损失下降，而它的准确率始终低于 50 %：损失下降还不等于答对。</translation>
    </message>
    <message>
        <source>Can batch normalization rescue a deep network whose initial weights are far too large or far too small?</source>
        <translation>如果深层网络的初始权重太大或太小，批归一化能挽救它吗？</translation>
    </message>
    <message>
        <source>Batch normalization rescales each unit&apos;s input to mean 0 and spread 1 on every batch, before the sigmoid, so the scale of the initial weights no longer reaches the activations. That makes training nearly indifferent to how large or small the initial weights were.</source>
        <translation>批归一化在每个批次上、在 sigmoid 之前，把每个单元的输入重新缩放到均值 0、标准差 1，初始权重的尺度就不再影响激活值。因此，无论初始权重是大是小，训练几乎都不受影响。</translation>
    </message>
    <message>
        <source>Why can&apos;t a plain 50-layer sigmoid network learn, and how do skip connections fix it?</source>
        <translation>普通的 50 层 sigmoid 网络为什么学不动，捷径连接又是怎样解决这个问题的？</translation>
    </message>
    <message>
        <source>The Depth and Gradients tabs open at the start (untick “At the start”, in the header or under View ▾, for the end): the plain net&apos;s gradient shrinks by over 20 decades toward the input, the residual one&apos;s stays usable (smeared at the saturated top). Loss: plain stays at ln 10; residual starts in the tens, below it within 50 batches.</source>
        <translation>“深度”页和“梯度”页打开时显示开始时的样子（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看结束时的样子）：普通网络的梯度往输入方向缩小了 20 多个数量级，残差网络的梯度则一直可用（在饱和的顶部散得很开）。损失：普通网络停在 ln 10；残差网络从几十开始，50 批之内降到它之下。</translation>
    </message>
    <message>
        <source>In the plain network the gradient is multiplied by 50 sigmoid slopes of at most 1/4 each, so almost nothing reaches the bottom. The identity skip (h = f(s) + x) gives the gradient a path around every slope, so every layer gets a usable gradient. The skips also sum the outputs, growing with depth: top units saturate, the first loss is large.</source>
        <translation>在普通网络中，梯度要乘上 50 个 sigmoid 斜率，每个最多 1/4，传到底部时几乎什么都不剩。恒等捷径（h = f(s) + x）给梯度开了一条绕过所有斜率的路，每一层都能得到可用的梯度。捷径也把各层输出累加起来，随深度变大：顶部单元饱和，最初的损失很大。</translation>
    </message>
    <message>
        <source>Which activation functions let the gradient reach the bottom of a deep network without shrinking away?</source>
        <translation>哪些激活函数能让梯度一路传到深层网络的底部而不消失？</translation>
    </message>
    <message>
        <source>In Gradients and Depth&apos;s gradient plot: the sigmoid&apos;s shrinks fastest, about 3-fold per layer; ReLU&apos;s and leaky ReLU&apos;s keep their size; tanh&apos;s, ELU&apos;s and maxout&apos;s grow toward the input, maxout&apos;s about 20-fold in all. Leaky ReLU&apos;s has two humps two decades apart: negative inputs pass back 0.01.</source>
        <translation>在“梯度”页和“深度”页的梯度图中：sigmoid 的梯度缩小得最快，每层约缩小 3 倍；ReLU 和 leaky ReLU 的梯度保持大小不变；tanh、ELU 和 maxout 的梯度朝输入方向增大，maxout 的总共约增大 20 倍。leaky ReLU 的梯度有两个相隔两个数量级的峰：输入为负的单元只传回 0.01。</translation>
    </message>
    <message>
        <source>On the way back, the gradient is multiplied by the activation&apos;s slope in every layer: the sigmoid&apos;s is at most 1/4, while ReLU&apos;s is 1 for the active half and He&apos;s √2 makes up for the inactive half. Tanh, ELU and maxout pass back more than ReLU&apos;s half, so He&apos;s √2 is more than they need; this is one big reason why deep networks moved from the sigmoid to ReLU-like activations.</source>
        <translation>往回传时，梯度在每一层都要乘上激活函数的斜率：sigmoid 的斜率最多 1/4，而 ReLU 在激活的一半单元上斜率为 1，He 的 √2 补上了不激活的那一半。tanh、ELU 和 maxout 传回的比 ReLU 的一半更多，所以 He 的 √2 对它们来说偏大；这正是深度网络从 sigmoid 转向类 ReLU 激活函数的一大原因。</translation>
    </message>
    <message>
        <source>What do weights drawn from a uniform, a normal and a truncated normal distribution actually look like?</source>
        <translation>从均匀分布、正态分布和截断正态分布中抽出的权重，到底长什么样？</translation>
    </message>
    <message>
        <source>What a scheme passes on to the next layer is mainly its standard deviation, not its shape: √3 ≈ 1.73 for this uniform, 1 for the normal, and only about 0.88 for the truncated normal, because cutting the tails at 2σ (values beyond are drawn again) removes the largest values. So a truncated normal has a smaller spread than the σ it was drawn with.</source>
        <translation>一种初始化方法传给下一层的主要是它的标准差，而不是它的形状：这个均匀分布是 √3 ≈ 1.73，正态分布是 1，截断正态只有约 0.88，因为在 2σ 处截断（超出的值重新抽取）去掉了最大的那些值。所以截断正态的实际标准差比抽取时设定的 σ 要小。</translation>
    </message>
    <message>
        <source>Sigmoid, N(0, 0.01): collapse</source>
        <translation>Sigmoid + N(0, 0.01)：塌缩</translation>
    </message>
    <message>
        <source>In Activations, every layer piles up at 0 and 1, with most values in the outer tenths. In Depth, about two thirds of the values are saturated in layer 1 and about half in the layers after it, yet the gradient spread stays level, at about 10⁻⁴, from the last layer back to the first.</source>
        <translation>在“激活值”中，每一层都堆在 0 和 1 两端，大多数值落在最外侧的十分之一区间里。在“深度”中，第 1 层约有三分之二的值已饱和，之后各层约有一半，但梯度的标准差从最后一层到第一层始终持平，约为 10⁻⁴。</translation>
    </message>
    <message>
        <source>Each unit adds up 100 inputs with weights of size 1, so the sigmoid is pushed onto its flat ends. The gradient still gets through, since the few units in the middle pass it back through weights ten times too large; what saturation costs here is variety, as most units answer only 0 or 1.</source>
        <translation>每个单元用大小为 1 的权重把 100 个输入加起来，sigmoid 因此被推到两端平坦的区域。梯度仍然能传回去，因为处在中间的少数单元通过大了十倍的权重把它传回；饱和在这里损失的是多样性：大多数单元只回答 0 或 1。</translation>
    </message>
    <message>
        <source>In Activations, every layer shrinks to one narrow spike at 0.5. In Depth, the activation spread is tiny and no value is saturated, yet the gradient shrinks about 40-fold per layer on its way back, to about 10⁻¹² at layer 1.</source>
        <translation>在“激活值”中，每一层都缩成 0.5 处的一根窄尖峰。在“深度”中，激活值的标准差非常小，没有任何值饱和，但梯度往回传时每层缩小约 40 倍，到第 1 层只剩约 10⁻¹²。</translation>
    </message>
    <message>
        <source>Each unit&apos;s input is close to 0, so the sigmoid answers 0.5 to everything and all units say the same thing. On the way back each layer multiplies the gradient by weights of 0.01 summed over 100 units and a slope of 1/4, so by 0.01 · √100 · 1/4 = 1/40: it vanishes without any saturation.</source>
        <translation>每个单元的输入都接近 0，sigmoid 对什么输入都回答 0.5，所有单元的输出都一样。往回传时，每一层把梯度乘上 100 个单元上大小为 0.01 的权重和 1/4 的斜率，即 0.01 · √100 · 1/4 = 1/40：梯度在没有任何饱和的情况下消失了。</translation>
    </message>
    <message>
        <source>Sigmoid, Xavier: a healthy spread</source>
        <translation>Sigmoid + Xavier：分布健康</translation>
    </message>
    <message>
        <source>How should the weights be scaled so that a sigmoid network neither saturates nor collapses?</source>
        <translation>权重该怎样缩放，才能让 sigmoid 网络既不饱和、也不塌缩？</translation>
    </message>
    <message>
        <source>Sigmoid: three starts side by side</source>
        <translation>Sigmoid：三种初始化并排对比</translation>
    </message>
    <message>
        <source>Which of the three starts, N(0, 1), N(0, 0.01) or Xavier, gives a sigmoid network units that are both different and responsive?</source>
        <translation>N(0, 1)、N(0, 0.01) 和 Xavier 这三种初始化中，哪一种能让 sigmoid 网络的单元既彼此不同、又反应灵敏？</translation>
    </message>
    <message>
        <source>ReLU: tiny, Xavier and He</source>
        <translation>ReLU：极小权重、Xavier 和 He</translation>
    </message>
    <message>
        <source>Tanh: saturation, collapse, spread</source>
        <translation>Tanh：饱和、塌缩与健康分布</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio: activations, standard vs normalized</source>
        <translation>Glorot 与 Bengio：激活值，标准初始化对比归一化初始化</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio: back-propagated gradients</source>
        <translation>Glorot 与 Bengio：反向传播的梯度</translation>
    </message>
    <message>
        <source>Xavier for tanh and for the sigmoid (×4)</source>
        <translation>Xavier 用于 tanh 和 sigmoid（×4）</translation>
    </message>
    <message>
        <source>All zeros vs all ones</source>
        <translation>全零对比全一</translation>
    </message>
    <message>
        <source>Uniform U[0, 1): a poor baseline</source>
        <translation>均匀分布 U[0, 1)：一个糟糕的基线</translation>
    </message>
    <message>
        <source>U[0, 1) vs U[−1, 1): centre at zero</source>
        <translation>U[0, 1) 对比 U[−1, 1)：以零为中心</translation>
    </message>
    <message>
        <source>How wide should the uniform be?</source>
        <translation>均匀分布该取多宽？</translation>
    </message>
    <message>
        <source>Compare the four runs in the Loss tab, above all over the first 100 batches, and then in the Results tab: ±1 keeps a much higher loss, ±0.1 ends best, and ±0.01 and ±0.001 fall behind again: the smaller the range, the slower the start and the higher the final validation loss (the table&apos;s loss column; their accuracy bars lie within 3 points of each other, in either order).</source>
        <translation>在“损失”页比较这四次运行，尤其是前 100 个批次，然后再看“结果”页：±1 的损失一直高得多，±0.1 最终最好，±0.01 和 ±0.001 又落后了：范围越小，开始得越慢，最终的验证损失也越高（看表格的损失一栏；它们的准确率条彼此相差不到 3 个百分点，谁高谁低都有可能）。</translation>
    </message>
    <message>
        <source>Uniform vs normal</source>
        <translation>均匀分布对比正态分布</translation>
    </message>
    <message>
        <source>Compare U[−0.1, 0.1) with N(0, 0.1) in the Loss tab and the Results tab: the two train about the same. The Weights tab opens at the start: a flat histogram for the uniform and a bell for the normal (untick “At the start”, in the header or under View ▾, to see the end).</source>
        <translation>在“损失”页和“结果”页比较 U[−0.1, 0.1) 和 N(0, 0.1)：两者训练效果差不多。“权重”页打开时显示开始时的样子：均匀分布的直方图是平的，正态分布的则是一口钟（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看训练结束时的样子）。</translation>
    </message>
    <message>
        <source>Normal vs truncated normal</source>
        <translation>正态分布对比截断正态分布</translation>
    </message>
    <message>
        <source>The Weights tab opens at the start of training (untick “At the start”, in the header or under View ▾, to see the end): the normal has thin tails beyond ±0.2, while the truncated normal stops sharply at two standard deviations. Then compare the Loss and Results tabs: the two runs train about the same.</source>
        <translation>“权重”页打开时显示训练开始时的样子（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看训练结束时的样子）：正态分布在 ±0.2 以外还有细细的尾巴，截断正态分布则在两个标准差处戛然而止。再比较“损失”页和“结果”页：两个运行的训练效果差不多。</translation>
    </message>
    <message>
        <source>Where we started vs where we ended</source>
        <translation>起点对比终点</translation>
    </message>
    <message>
        <source>The flower: tiny weights vs Xavier</source>
        <translation>“花朵”数据：极小权重对比 Xavier</translation>
    </message>
    <message>
        <source>Constant weights: every unit the same</source>
        <translation>常数权重：每个单元都一样</translation>
    </message>
    <message>
        <source>In the Boundary tab, follow the eight hidden units under the maps, a line each (its weight from one input; a dot at step 0): from all 0 they stay flat at 0, from all 0.5 they move but the eight lines lie exactly on top of each other, and only Xavier&apos;s random start spreads them apart (a few run close in this one weight). The maps above show the cost: only Xavier&apos;s boundary bends (all 0.5&apos;s is one straight line).</source>
        <translation>在“决策边界”页，看图下方的八个隐藏单元，每个一条线（它来自同一个输入的权重；第 0 步处有一个点）：全 0 时它们一直平躺在 0；全 0.5 时它们在变，但八条线完全重合；只有 Xavier 的随机初始化让它们彼此分开（在这一个权重上有几条靠得很近）。上面的决策边界图显示了代价：只有 Xavier 的边界是弯折的（全 0.5 的边界是一条直线）。</translation>
    </message>
    <message>
        <source>30 ReLU layers: He vs Xavier</source>
        <translation>30 层 ReLU：He 对比 Xavier</translation>
    </message>
    <message>
        <source>Unsupervised pre-training with RBMs</source>
        <translation>用 RBM 做无监督预训练</translation>
    </message>
    <message>
        <source>Exploding gradients: clipping and smaller steps</source>
        <translation>梯度爆炸：裁剪与更小的步长</translation>
    </message>
    <message>
        <source>Five ReLU layers from N(0, 1) multiply the signal by about eight per layer, so the first gradients are huge and a few plain steps overflow. Clipping caps each update at a step of 0.001, far too small to repair weights of size 1, and weight decay pulls them back by 0.001 % per step: a remedy keeps a run alive, but a bad start still learns slowly or not at all.</source>
        <translation>从 N(0, 1) 开始的五层 ReLU 每层把信号放大约八倍，最初的梯度因此巨大，几步普通更新就会溢出。裁剪把每次更新限制在 0.001 的步长，远不足以修正大小为 1 的权重；权重衰减每步只把权重拉回 0.001 %：补救措施能让运行活下去，但糟糕的初始化仍然学得很慢，甚至学不动。</translation>
    </message>
    <message>
        <source>Batch normalization rescues a bad start</source>
        <translation>批归一化挽救糟糕的初始化</translation>
    </message>
    <message>
        <source>The Activations tab opens at the start (untick “At the start”, in the header or under View ▾, to see the end): N(0, 1) piles most sigmoid outputs at 0 and 1, and N(0, 0.01) squeezes every layer into a spike at 0.5. In the Loss tab, the two plain runs train very differently and the tiny start does not learn at all (its loss stays at ln 10 ≈ 2.3), while both runs with batch norm learn well and end close together.</source>
        <translation>“激活值”页打开时显示开始时的样子（取消勾选“开始时”——它在标题行或“视图 ▾”里——可看训练结束时的样子）：N(0, 1) 让大多数 sigmoid 输出堆在 0 和 1，N(0, 0.01) 把每一层都挤成 0.5 处的尖峰。在“损失”页，这两个不加批归一化的运行训练结果差别很大，极小的起点根本学不动（损失一直停在 ln 10 ≈ 2.3）；而两个加了批归一化的运行都学得很好，最后的结果也很接近。</translation>
    </message>
    <message>
        <source>50 layers: plain vs residual</source>
        <translation>50 层：普通网络对比残差网络</translation>
    </message>
    <message>
        <source>Which activations keep the gradient alive?</source>
        <translation>哪些激活函数能让梯度保持活力？</translation>
    </message>
    <message>
        <source>Weight distributions: uniform, normal, truncated</source>
        <translation>权重分布：均匀、正态、截断正态</translation>
    </message>
    <message>
        <source>Mean-field theory multiplies the gradient&apos;s variance by χ₁ per layer: below 1 it vanishes, above 1 it explodes; only at χ₁ = 1 does it last. Off it a network trains only a few correlation lengths ξ_c deep (Schoenholz et al. 2017): about 6 ξ_c (the Sweep&apos;s white dashed curves) in a sweep of 600 batches at half the rate, about 3 ξ_c in the Sweep&apos;s 100.</source>
        <translation>按照平均场理论，梯度的方差每经过一层就乘上 χ₁：小于 1 时梯度消失，大于 1 时梯度爆炸；只有在 χ₁ = 1 时才能保持。离开它，网络只能训练到几倍相关长度 ξ_c 的深度（Schoenholz 等，2017）：以一半的学习率扫描 600 批约为 6 ξ_c（“扫描”页的白色虚线），“扫描”页的 100 批约为 3 ξ_c。</translation>
    </message>
    <message>
        <source>In the Depth tab, the activation spread of σ_w² = 1.6 falls by √0.8 per layer, that of σ_w² = 2.5 grows by √1.25 per layer, and He&apos;s σ_w² = 2 holds level; each run follows its dashed prediction. In the right plot, the dead share (units at 0 for every input) grows with depth, to 25–40 % by layer 30, the same in all three runs: scaling the weights changes no sign.</source>
        <translation>在“深度”页，σ_w² = 1.6 的激活值标准差每层缩小为 √0.8 倍，σ_w² = 2.5 的每层增大为 √1.25 倍，而 He 的 σ_w² = 2 保持水平；每个运行都沿着自己的虚线预测走。在右图中，死亡比例（对每个输入都输出 0 的单元）随深度增加，到第 30 层达到 25–40 %，三个运行完全相同：缩放权重不会改变任何符号。</translation>
    </message>
    <message>
        <source>Deep information propagation: where a deep network can learn</source>
        <translation>深层信息传播：深层网络在哪里还能学习</translation>
    </message>
    <message>
        <source>In Weights, U[−3, 3) is flat with hard edges, N(0, 1) a bell with thin tails, the truncated N(0, 1) that bell cut at ±2. In Activations, this linear layer&apos;s outputs are bells of different widths. The Schemes tab lists each scheme&apos;s formula and σ; ticking “Histograms” draws them.</source>
        <translation>在“权重”页，U[−3, 3) 的直方图是平的，边缘陡直；N(0, 1) 是一口钟，尾巴很细；截断的 N(0, 1) 是同样的钟形，但超出 ±2 的部分被切掉了。在“激活值”页，这个线性层的输出都是钟形，只是宽度不同。“方案”页列出每种方案的公式和 σ；勾选“直方图”即可画出它们。</translation>
    </message>
    <message>
        <source>The edge of chaos: 40 tanh layers</source>
        <translation>混沌的边缘：40 层 tanh</translation>
    </message>
    <message>
        <source>For which weight scale can a deep tanh network still learn?</source>
        <translation>权重尺度取多大时，深层 tanh 网络还能学习？</translation>
    </message>
    <message>
        <source>The ReLU critical line: σ_w² = 2</source>
        <translation>ReLU 的临界线：σ_w² = 2</translation>
    </message>
    <message>
        <source>Why is He&apos;s σ_w² = 2 the only right scale for a deep ReLU network?</source>
        <translation>为什么 He 的 σ_w² = 2 是深层 ReLU 网络唯一合适的尺度？</translation>
    </message>
    <message>
        <source>A ReLU passes half of the variance, so a layer multiplies it by σ_w²/2: only σ_w² = 2/(1 + a²), a the negative slope, keeps it (He, Zhang, Ren and Sun 2015). The ReLU critical line does not depend on the bias, and off it the spread changes geometrically with depth.</source>
        <translation>ReLU 只让一半的方差通过，所以每层把方差乘上 σ_w²/2：只有 σ_w² = 2/(1 + a²)（a 为负半轴斜率）才能保持方差不变（He、Zhang、Ren 和 Sun，2015）。ReLU 的临界线与偏置无关；离开它，标准差随深度按几何级数变化。</translation>
    </message>
    <message>
        <source>Finite width: one network strays from the prediction</source>
        <translation>有限宽度：单个网络偏离预测</translation>
    </message>
    <message>
        <source>How closely does one real network follow the mean-field prediction?</source>
        <translation>一个真实的网络与平均场预测有多接近？</translation>
    </message>
    <message>
        <source>In the Depth tab, each run&apos;s shaded band is where 90 % of networks of its width fall around the dashed prediction: it widens with depth, and width 32&apos;s band is about four times as wide (in logs) as width 512&apos;s. The dead share (right plot: units at 0 for every input) strays the same way: width 512&apos;s rises smoothly to about 30 % by layer 30, width 32&apos;s jumps from layer to layer and peaks higher.</source>
        <translation>在“深度”页，每个运行的阴影带表示同样宽度的网络中有 90 % 落在虚线预测周围的范围：它随深度变宽，宽度 32 的带（按对数计）约是宽度 512 的四倍宽。死亡比例（右图：对每个输入都输出 0 的单元）也同样偏离：宽度 512 的平稳上升，到第 30 层约为 30 %，宽度 32 的逐层跳动，峰值更高。</translation>
    </message>
    <message>
        <source>Mean-field theory describes infinitely wide layers; in a layer of n units the squared norm of the signal picks up a random factor with variance about 5/n for ReLU, and the logs of these factors add up over the layers (Hanin and Nica 2019). A narrow deep network can therefore be far from the prediction by chance alone.</source>
        <translation>平均场理论描述的是无限宽的层；在有 n 个单元的层里，信号的平方范数会乘上一个随机因子，对 ReLU 来说其方差约为 5/n，这些因子的对数逐层累加（Hanin 和 Nica，2019）。因此，一个又窄又深的网络仅凭偶然就可能远离预测。</translation>
    </message>
    <message>
        <source>Dynamical isometry: orthogonal vs Gaussian</source>
        <translation>动力等距：正交与高斯</translation>
    </message>
    <message>
        <source>Why do orthogonal weights help a very deep tanh network learn?</source>
        <translation>为什么正交权重能帮助很深的 tanh 网络学习？</translation>
    </message>
    <message>
        <source>In the Jacobian tab, the singular values of the orthogonal start&apos;s input-output Jacobian sit close together, while the Gaussian start&apos;s spread over more than ten orders of magnitude. In the Loss tab, the orthogonal start ends its 300 batches with the lower validation loss.</source>
        <translation>在“雅可比”页，正交初始化的输入-输出雅可比矩阵的奇异值紧紧挨在一起，而高斯初始化的奇异值分布超过十个数量级。在“损失”页，训练 300 批之后，正交初始化的验证损失更低。</translation>
    </message>
    <message>
        <source>A product of 50 random Gaussian matrices stretches a few directions of the signal and all but erases most others, even when its average gain is 1. Orthogonal matrices keep every direction&apos;s length and the tanh slopes shrink all of them about alike (nine in ten singular values 0.1–0.5), so the gradient reaches the first layers in every direction (Saxe et al. 2014; Pennington et al. 2017).</source>
        <translation>50 个随机高斯矩阵的乘积，即使平均增益为 1，也会把信号的少数方向拉长，而把其余大多数方向几乎抹掉。正交矩阵保持每个方向的长度，tanh 的斜率又把所有方向缩小得差不多（十个奇异值中有九个在 0.1–0.5），所以梯度能沿每个方向传到最前面的几层（Saxe 等，2014；Pennington 等，2017）。</translation>
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
        <source>W ~ U[−1/√n, 1/√n),  n = fan_in</source>
        <translation>W ~ U[−1/√n, 1/√n)，n = 扇入 fan_in</translation>
    </message>
    <message>
        <source>W ~ U[−a, a),  a = gain · √(6 / (n_in + n_out))</source>
        <translation>W ~ U[−a, a)，a = gain · √(6 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>W ~ U[−a, a),  a = 4 · gain · √(6 / (n_in + n_out))</source>
        <translation>W ~ U[−a, a)，a = 4 · gain · √(6 / (n_in + n_out))</translation>
    </message>
    <message>
        <source>W ~ U[−a, a),  a = gain · √(3 / n),  gain = √(2 / (1 + slope²)) for ReLU</source>
        <translation>W ~ U[−a, a)，a = gain · √(3 / n)；对 ReLU 类，gain = √(2 / (1 + slope²))</translation>
    </message>
    <message>
        <source>W ~ U[−a, a),  a = √(3 / n_in)</source>
        <translation>W ~ U[−a, a)，a = √(3 / n_in)</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot 均匀分布</translation>
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
        <source>LeCun normal</source>
        <translation>LeCun 正态分布</translation>
    </message>
    <message>
        <source>W ~ N(0, σ²),  σ = gain/√n_in</source>
        <translation>W ~ N(0, σ²)，σ = gain/√n_in</translation>
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
    <message>
        <source>({0}: the std of N(0, 1) cut at ±{1}; {2}: the σ drawn with)</source>
        <translation>（{0}：N(0, 1) 截断于 ±{1} 后的标准差；{2}：抽样所用的 σ）</translation>
    </message>
    <message>
        <source>every weight = {0}</source>
        <translation>每个权重 = {0}</translation>
    </message>
    <message>
        <source>mean {0},  σ = {1}</source>
        <translation>均值 {0}，σ = {1}</translation>
    </message>
</context>
</TS>
